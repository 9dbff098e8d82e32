package org.asclepius.hms.inpatient;

/** What happened to an admission, in its history. */
public enum AdmissionEventKind {
    ADMITTED, TRANSFERRED, LEAVE_STARTED, LEAVE_ENDED, DISCHARGED, ADMISSION_CANCELLED, TRANSFER_CANCELLED,
    DISCHARGE_CANCELLED
}
