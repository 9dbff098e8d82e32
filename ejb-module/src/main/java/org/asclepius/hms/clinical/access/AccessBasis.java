package org.asclepius.hms.clinical.access;

/** Why the caller may read a patient's clinical data. */
public enum AccessBasis {
    /** attending of a current (or recently ended) encounter */
    ATTENDING("Attending"),
    /** named on the patient's care team */
    CARE_TEAM("Care team"),
    /** works in the department or ward treating the patient */
    UNIT("Department or ward"),
    /** break-the-glass: a reason given, for a limited time, reviewed afterwards */
    BREAK_THE_GLASS("Break-the-glass");

    private final String label;

    AccessBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
