package org.asclepius.hms.clinical.orders;

/** What is ordered. Lab and pharmacy fulfil their orders in their own modules. */
public enum OrderKind {
    LAB("Lab test"), IMAGING("Imaging"), MEDICATION("Medication");

    private final String label;

    OrderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
