package org.asclepius.hms.scheduling;

/** Why a resource is not available for a while. */
public enum ExceptionKind {
    LEAVE("Leave"), HOLIDAY("Holiday"), BLOCKED("Blocked time");

    private final String label;

    ExceptionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
