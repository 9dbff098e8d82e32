package org.asclepius.hms.patient.coverage;

/** Which payer is billed first (FHIR Coverage.order 1, 2, 3). */
public enum CoveragePriority {
    PRIMARY("Primary", 1), SECONDARY("Secondary", 2), TERTIARY("Tertiary", 3);

    private final String label;
    private final int order;

    CoveragePriority(String label, int order) {
        this.label = label;
        this.order = order;
    }

    public String getLabel() {
        return label;
    }

    public int getOrder() {
        return order;
    }
}
