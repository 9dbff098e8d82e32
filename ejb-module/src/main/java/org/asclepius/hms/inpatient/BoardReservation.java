package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PatientScoped;

/**
 * The patient a reserved bed is held for (a waiting admission request), as the board shows them. Audited with
 * the resource id {@code request-<id>}.
 */
public record BoardReservation(long requestId, AdmissionPriority priority, LocalDate plannedFor, long patientId,
        String familyName, String givenName, String middleName, String mrn, LocalDate birthDate, Sex sex)
        implements PatientScoped, Serializable {

    public String displayName() {
        return PatientSummary.displayName(familyName, givenName, middleName);
    }

    @Override
    public String resourceId() {
        return "request-" + requestId;
    }
}
