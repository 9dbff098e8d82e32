package org.asclepius.hms.clinical.coding;

/**
 * One code read from a CMS ICD-10-CM file: the line it was on, the code in its dotted form, the long description,
 * and whether it is billable (valid for HIPAA-covered transactions; a category header is not).
 */
public record IcdFileEntry(int line, String code, String display, boolean billable) {
}
