package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What to search patients by; every part is optional but at least one must be given. {@code name} matches
 * the start of any of given, middle or family name, parts in any order ("smi jo" finds John Smith).
 */
public record PatientQuery(String name, String familyName, String givenName, LocalDate birthDate, String mrn,
                           IdentifierType identifierType, String identifierValue) implements Serializable {

    public static PatientQuery byName(String name) {
        return new PatientQuery(name, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return blank(name) && blank(familyName) && blank(givenName) && birthDate == null && blank(mrn)
                && blank(identifierValue);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
