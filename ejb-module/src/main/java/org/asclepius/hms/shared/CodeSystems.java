package org.asclepius.hms.shared;

/** The code systems the product uses, by their canonical URIs (the FHIR {@code system} values). */
public final class CodeSystems {
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    /** Allergens no free code system covers (foods, environmental substances): the hospital's own list. */
    public static final String LOCAL_ALLERGEN = "urn:asclepius:allergen";
    /** Lab tests and imaging procedures of the hospital's own catalogue until a LOINC/CPT catalogue is loaded. */
    public static final String LOCAL_ORDERABLE = "urn:asclepius:orderable";

    private CodeSystems() {
    }

    public static String shortName(String system) {
        return switch (system) {
            case ICD10CM -> "ICD-10-CM";
            case SNOMED -> "SNOMED CT";
            case LOINC -> "LOINC";
            case RXNORM -> "RxNorm";
            case LOCAL_ALLERGEN -> "Local allergen";
            case LOCAL_ORDERABLE -> "Local catalogue";
            default -> system;
        };
    }
}
