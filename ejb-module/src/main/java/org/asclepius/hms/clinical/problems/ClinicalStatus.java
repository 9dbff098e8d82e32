package org.asclepius.hms.clinical.problems;

/** The clinical status of a condition (FHIR condition-clinical). */
public enum ClinicalStatus {
    ACTIVE, RECURRENCE, RELAPSE, INACTIVE, REMISSION, RESOLVED;

    public boolean active() {
        return this == ACTIVE || this == RECURRENCE || this == RELAPSE;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
