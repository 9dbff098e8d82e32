package org.asclepius.hms.scheduling;

/** What kind of thing is booked: a member of staff, a room, or a piece of equipment. */
public enum ResourceKind {
    PROVIDER("Provider"), ROOM("Room"), EQUIPMENT("Equipment");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
