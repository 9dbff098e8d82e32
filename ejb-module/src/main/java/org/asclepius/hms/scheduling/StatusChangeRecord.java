package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;

/** One line of an appointment's status history. */
public record StatusChangeRecord(AppointmentStatus from, AppointmentStatus to, Instant start, String reason,
        String changedBy, Instant changedAt) implements Serializable {
    static StatusChangeRecord of(AppointmentStatusChange c) {
        return new StatusChangeRecord(c.getFromStatus(), c.getToStatus(), c.getStartsAt(), c.getReason(),
                c.getChangedBy(), c.getChangedAt());
    }
}
