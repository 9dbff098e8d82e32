package org.asclepius.hms.clinical.coding;

/** One row of the curated SNOMED CT → ICD-10-CM map: the SNOMED concept, the ICD-10-CM code it maps to, why. */
public record SnomedIcdMapping(int line, String snomedCode, String snomedDisplay, String icdCode, String note) {
}
