package org.asclepius.hms.clinical.problems;

/** How certain a condition is (FHIR condition-ver-status); entered in error is set only with a reason. */
public enum Verification {
    UNCONFIRMED, PROVISIONAL, DIFFERENTIAL, CONFIRMED, REFUTED, ENTERED_IN_ERROR;

    public String label() {
        return this == ENTERED_IN_ERROR ? "Entered in error"
                : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
