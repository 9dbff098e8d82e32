package org.asclepius.hms.encounter;

/** The class of a visit. */
public enum EncounterKind {
    OUTPATIENT, EMERGENCY, INPATIENT, DAY_CASE
}
