package org.asclepius.hms.patient.matching;

/**
 * The outcome of comparing one field of two records.
 *
 * @param field       the field compared: family name, given name, middle name, sex, date of birth, phone,
 *                    address, national ID
 * @param agreement   how far the values agree
 * @param weight      the field's contribution to the score, log2 of the likelihood ratio (0 when missing)
 * @param explanation a short sentence for a clerk, e.g. "given name: nickname (Bill = William)". It contains
 *                    patient data: show it to authorised staff, never write it to a log.
 */
public record FieldComparison(String field, Agreement agreement, double weight, String explanation) {

    /** How far two values of a field agree. */
    public enum Agreement {
        /** the same value (after normalisation) */
        EXACT,
        /** not the same, but close in a way a clerk's or patient's error explains (typo, nickname, swap…) */
        PARTIAL,
        /** different values */
        DISAGREE,
        /** absent on at least one record: no evidence either way */
        MISSING
    }
}
