package org.asclepius.hms.inpatient;

/** Where an admitted patient came from. */
public enum AdmissionSource {
    EMERGENCY, OUTPATIENT, DIRECT, ELECTIVE
}
