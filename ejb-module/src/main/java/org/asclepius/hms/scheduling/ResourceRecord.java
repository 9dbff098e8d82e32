package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.util.List;

/** A bookable resource with its weekly working hours. */
public record ResourceRecord(long id, long version, ResourceKind kind, String name, String department,
        String staffUsername, int slotMinutes, boolean active, List<WeeklyPeriod> hours) implements Serializable {

    static ResourceRecord of(SchedulableResource r, List<WeeklyPeriod> hours) {
        return new ResourceRecord(r.getId(), r.getVersion(), r.getKind(), r.getName(), r.getDepartment(),
                r.getStaffUsername(), r.getSlotMinutes(), r.isActive(), List.copyOf(hours));
    }

    public String label() {
        return name + " (" + kind.label() + ", " + department + ")";
    }
}
