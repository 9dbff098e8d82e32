package org.asclepius.hms.scheduling;

import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/** An appointment with its status history, oldest first. */
public record AppointmentHistory(AppointmentRecord appointment, List<StatusChangeRecord> changes)
        implements PatientScoped, Serializable {
    @Override
    public long patientId() {
        return appointment.patientId();
    }

    @Override
    public String resourceId() {
        return appointment.resourceId();
    }
}
