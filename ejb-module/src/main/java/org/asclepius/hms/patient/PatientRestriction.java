package org.asclepius.hms.patient;

/**
 * Why a record is restricted: reading it needs break-the-glass even for the care team; only the attending of a
 * current encounter reads it without one.
 */
public enum PatientRestriction {
    VIP("VIP"), STAFF("Staff member"), SENSITIVE("Sensitive");

    private final String label;

    PatientRestriction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
