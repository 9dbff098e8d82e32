package org.asclepius.hms.inpatient;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PatientScoped;

/**
 * The patient in a bed as the board shows them (the banner data) and the admission that holds the bed. Audited
 * as a read of the admission.
 */
public record BoardOccupant(long admissionId, long admissionVersion, AdmissionStatus admissionStatus,
        long patientId, String familyName, String givenName, String middleName, String mrn, LocalDate birthDate,
        boolean birthDateEstimated, Sex sex, Instant admittedAt, String attending, Instant leaveUntil)
        implements PatientScoped, Serializable {

    /** "SMITH, Ann Mary" as the patient banner prints it. */
    public String displayName() {
        return PatientSummary.displayName(familyName, givenName, middleName);
    }

    public boolean onLeave() {
        return admissionStatus == AdmissionStatus.ON_LEAVE;
    }

    @Override
    public String resourceId() {
        return String.valueOf(admissionId);
    }
}
