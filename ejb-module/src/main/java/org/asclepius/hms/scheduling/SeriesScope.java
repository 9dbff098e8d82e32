package org.asclepius.hms.scheduling;

/** Which occurrences of a series an edit applies to. */
public enum SeriesScope {
    THIS("This appointment only"), THIS_AND_FOLLOWING("This and the following appointments");

    private final String label;

    SeriesScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
