package org.asclepius.hms.inpatient;

/** ADMITTED and ON_LEAVE are open admissions; DISCHARGED and CANCELLED have ended. */
public enum AdmissionStatus {
    ADMITTED, ON_LEAVE, DISCHARGED, CANCELLED;

    public boolean open() {
        return this == ADMITTED || this == ON_LEAVE;
    }
}
