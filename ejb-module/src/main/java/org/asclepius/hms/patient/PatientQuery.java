package org.asclepius.hms.patient;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What to search patients by; every part is optional but at least one identifying part must be given (sex
 * alone would list half the hospital). {@code name} matches the start of any of given, middle or family name,
 * parts in any order ("smi jo" finds John Smith); on PostgreSQL also misspelled parts ("Jonhson").
 */
public record PatientQuery(String name, String familyName, String givenName, LocalDate birthDate, String mrn,
                           String identifierType, String identifierValue, Sex sex, String phone,
                           String postalCode) implements Serializable {

    public static final PatientQuery EMPTY = new PatientQuery(null, null, null, null, null, null, null, null, null,
            null);

    public static PatientQuery byName(String name) {
        return EMPTY.withName(name);
    }

    public PatientQuery withName(String value) {
        return new PatientQuery(value, familyName, givenName, birthDate, mrn, identifierType, identifierValue, sex,
                phone, postalCode);
    }

    public PatientQuery withFamilyName(String value) {
        return new PatientQuery(name, value, givenName, birthDate, mrn, identifierType, identifierValue, sex, phone,
                postalCode);
    }

    public PatientQuery withGivenName(String value) {
        return new PatientQuery(name, familyName, value, birthDate, mrn, identifierType, identifierValue, sex, phone,
                postalCode);
    }

    public PatientQuery withBirthDate(LocalDate value) {
        return new PatientQuery(name, familyName, givenName, value, mrn, identifierType, identifierValue, sex, phone,
                postalCode);
    }

    public PatientQuery withMrn(String value) {
        return new PatientQuery(name, familyName, givenName, birthDate, value, identifierType, identifierValue, sex,
                phone, postalCode);
    }

    /** An identifier other than the MRN; the type may be null (any type). */
    public PatientQuery withIdentifier(String type, String value) {
        return new PatientQuery(name, familyName, givenName, birthDate, mrn, type, value, sex, phone, postalCode);
    }

    public PatientQuery withSex(Sex value) {
        return new PatientQuery(name, familyName, givenName, birthDate, mrn, identifierType, identifierValue, value,
                phone, postalCode);
    }

    public PatientQuery withPhone(String value) {
        return new PatientQuery(name, familyName, givenName, birthDate, mrn, identifierType, identifierValue, sex,
                value, postalCode);
    }

    public PatientQuery withPostalCode(String value) {
        return new PatientQuery(name, familyName, givenName, birthDate, mrn, identifierType, identifierValue, sex,
                phone, value);
    }

    /** True when nothing identifying was given (sex alone does not count). */
    public boolean isEmpty() {
        return blank(name) && blank(familyName) && blank(givenName) && birthDate == null && blank(mrn)
                && blank(identifierValue) && blank(phone) && blank(postalCode);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
