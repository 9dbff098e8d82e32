package org.asclepius.hms.inpatient;

/** A request waits for a bed until the bed manager admits the patient (fulfilled) or it is cancelled. */
public enum AdmissionRequestStatus {
    WAITING, FULFILLED, CANCELLED
}
