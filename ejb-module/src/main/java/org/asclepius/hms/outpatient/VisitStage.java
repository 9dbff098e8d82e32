package org.asclepius.hms.outpatient;

/**
 * Where an outpatient or emergency visit stands: arrived (checked in, walked in, brought in), triaged and
 * waiting, in consultation, seen (the physician has finished; waiting to be checked out), checked out (the
 * encounter is finished), or cancelled (begun in error). The order of the constants is the order of the
 * outpatient queue.
 */
public enum VisitStage {
    ARRIVED("Arrived"),
    WAITING("Triaged, waiting"),
    IN_CONSULTATION("In consultation"),
    SEEN("Seen, to check out"),
    CHECKED_OUT("Checked out"),
    CANCELLED("Cancelled");

    private final String label;

    VisitStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True while the visit is on a queue. */
    public boolean open() {
        return this != CHECKED_OUT && this != CANCELLED;
    }

    /** The stages of a visit still on a queue. */
    public static java.util.List<VisitStage> openStages() {
        return java.util.List.of(ARRIVED, WAITING, IN_CONSULTATION, SEEN);
    }
}
