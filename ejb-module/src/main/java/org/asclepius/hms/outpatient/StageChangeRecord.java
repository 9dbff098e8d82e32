package org.asclepius.hms.outpatient;

import java.io.Serializable;
import java.time.Instant;

/** One line of a visit's stage history. */
public record StageChangeRecord(VisitStage stage, Instant at, String by, String note) implements Serializable {
    static StageChangeRecord of(VisitStageChange c) {
        return new StageChangeRecord(c.getStage(), c.getChangedAt(), c.getChangedBy(), c.getNote());
    }
}
