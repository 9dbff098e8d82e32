package org.asclepius.hms.audit;

import java.io.Serializable;
import java.util.List;

/** The result of verifying the audit trail. */
public record VerificationReport(boolean intact, long blocksChecked, long eventsChecked, Problem firstProblem,
                                 List<Long> unsealedOverdueEventIds) implements Serializable {
    public record Problem(long blockNo, Long position, Long eventId, String message) implements Serializable {
    }

    public VerificationReport {
        unsealedOverdueEventIds = List.copyOf(unsealedOverdueEventIds);
    }
}
