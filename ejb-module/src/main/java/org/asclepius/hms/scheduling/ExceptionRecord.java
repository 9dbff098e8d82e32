package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;

/** Leave, a holiday or blocked time of a resource. */
public record ExceptionRecord(long id, long resourceId, ExceptionKind kind, Instant start, Instant end,
        String reason, String createdBy, Instant createdAt) implements Serializable {
    static ExceptionRecord of(ScheduleException e) {
        return new ExceptionRecord(e.getId(), e.getResource().getId(), e.getKind(), e.getStartsAt(), e.getEndsAt(),
                e.getReason(), e.getCreatedBy(), e.getCreatedAt());
    }
}
