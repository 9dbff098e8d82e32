package org.asclepius.hms.inpatient;

/** A bed is free, reserved, occupied, waiting for housekeeping after a discharge, or blocked. */
public enum BedStatus {
    FREE, RESERVED, OCCUPIED, NEEDS_CLEANING, BLOCKED
}
