package org.asclepius.hms.scheduling;

/** Where a waitlist entry stands. */
public enum WaitlistStatus {
    WAITING("Waiting"), OFFERED("Slot offered"), BOOKED("Booked"), REMOVED("Removed");

    private final String label;

    WaitlistStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
