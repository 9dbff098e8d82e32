package org.asclepius.hms.encounter;

/** Where a visit stands. */
public enum EncounterStatus {
    PLANNED, IN_PROGRESS, ON_LEAVE, FINISHED, CANCELLED
}
