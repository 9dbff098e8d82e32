package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.time.Instant;

/** A slot of a resource's calendar: open or blocked, and how many bookings hold it. */
public record SlotRecord(long id, long resourceId, String resourceName, Instant start, Instant end,
        SlotStatus status, int booked) implements Serializable {

    static SlotRecord of(Slot s) {
        return new SlotRecord(s.getId(), s.getResource().getId(), s.getResource().getName(), s.getStartsAt(),
                s.getEndsAt(), s.getStatus(), s.getBooked());
    }

    /** FHIR's view: free, busy, or busy-unavailable. */
    public String availability() {
        if (status == SlotStatus.BLOCKED) {
            return "busy-unavailable";
        }
        return booked == 0 ? "free" : "busy";
    }
}
