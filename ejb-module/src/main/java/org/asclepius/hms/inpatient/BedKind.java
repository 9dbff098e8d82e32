package org.asclepius.hms.inpatient;

/** What a bed is for. */
public enum BedKind {
    GENERAL, ICU, ISOLATION, PAEDIATRIC, MATERNITY
}
