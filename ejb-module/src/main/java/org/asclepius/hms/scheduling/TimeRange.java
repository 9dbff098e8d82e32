package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;

/** A half-open period [start, end). */
public record TimeRange(Instant start, Instant end) implements Serializable {
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
