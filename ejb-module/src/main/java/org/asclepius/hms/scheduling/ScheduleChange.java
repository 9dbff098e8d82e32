package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/**
 * What a change to a resource's schedule did: the appointments that now lie in blocked time (leave, a block,
 * hours that no longer include them). They keep their booking until staff rebook or cancel them.
 */
public record ScheduleChange(long resourceId, List<AppointmentRecord> affected) implements PatientsScoped,
        Serializable {
    @Override
    public List<? extends PatientScoped> scopedParts() {
        return affected;
    }
}
