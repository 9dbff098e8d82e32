package org.asclepius.hms.patient;

/** Administrative sex (FHIR {@code AdministrativeGender}). */
public enum Sex {
    FEMALE("Female"), MALE("Male"), OTHER("Other"), UNKNOWN("Unknown");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
