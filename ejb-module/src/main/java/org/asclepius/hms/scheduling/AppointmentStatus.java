package org.asclepius.hms.scheduling;

/**
 * Where an appointment stands. PROPOSED is a waitlist offer holding its slots until the patient answers or the
 * offer expires; BOOKED and CHECKED_IN hold their slots; CANCELLED and NO_SHOW have released them.
 */
public enum AppointmentStatus {
    PROPOSED("Offered"), BOOKED("Booked"), CHECKED_IN("Checked in"), CANCELLED("Cancelled"), NO_SHOW("No-show");

    private final String label;

    AppointmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True while the appointment holds its slots. */
    public boolean holdsSlots() {
        return this == PROPOSED || this == BOOKED || this == CHECKED_IN;
    }
}
