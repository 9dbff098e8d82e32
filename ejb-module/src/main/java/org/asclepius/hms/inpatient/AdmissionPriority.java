package org.asclepius.hms.inpatient;

/** How soon a requested admission needs a bed; the bed manager's worklist is in this order. */
public enum AdmissionPriority {
    EMERGENCY, URGENT, ROUTINE
}
