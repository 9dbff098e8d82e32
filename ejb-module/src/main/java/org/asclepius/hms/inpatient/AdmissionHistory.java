package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.shared.PatientScoped;

/** An admission and what happened to it, oldest first. */
public record AdmissionHistory(AdmissionRecord admission, List<Step> steps) implements PatientScoped, Serializable {
    public record Step(AdmissionEventKind kind, Instant at, String user, String bed, String detail)
            implements Serializable {
    }

    @Override
    public long patientId() {
        return admission.patientId();
    }

    @Override
    public String resourceId() {
        return admission.resourceId();
    }
}
