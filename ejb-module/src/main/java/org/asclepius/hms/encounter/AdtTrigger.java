package org.asclepius.hms.encounter;

/** The HL7 v2 ADT trigger events Asclepius tells other systems about. */
public enum AdtTrigger {
    /** Admit/visit notification: an inpatient admission. */
    A01,
    /** Transfer to another bed or ward. */
    A02,
    /** Discharge/end visit. */
    A03,
    /** Register a patient: an outpatient or emergency visit begins (check-in, arrival). */
    A04,
    /** Pre-admit a patient (elective admission planned). */
    A05,
    /** Update patient information (demographics, visit data). */
    A08,
    /** Cancel admit (or cancel a visit begun in error). */
    A11,
    /** Cancel transfer: back to the bed before. */
    A12,
    /** Cancel discharge: the stay goes on. */
    A13,
    /** Merge patient identifier list (the MPI merged a duplicate into a surviving record). */
    A40
}
