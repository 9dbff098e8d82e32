package org.asclepius.hms.clinical.coding;

/** What kind of substance an allergen is (the FHIR AllergyIntolerance categories, plus biologics). */
public enum AllergenCategory {
    DRUG("Drug"),
    FOOD("Food"),
    ENVIRONMENT("Environment"),
    BIOLOGIC("Biologic");

    private final String label;

    AllergenCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
