package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.shared.PatientScoped;

/** One row of a patient search result. */
public record PatientSummary(long id, String mrn, String familyName, String givenName, String middleName, Sex sex,
                             LocalDate birthDate, String phone, String city) implements PatientScoped, Serializable {
    @Override
    public long patientId() {
        return id;
    }

    public String displayName() {
        return displayName(familyName, givenName, middleName);
    }

    public static String displayName(String family, String given, String middle) {
        return family.toUpperCase(java.util.Locale.ROOT) + ", " + given + (middle == null ? "" : " " + middle);
    }
}
