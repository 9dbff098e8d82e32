package org.asclepius.hms.clinical.allergies;

import java.io.Serializable;

/** What the patient banner shows about allergies to the person looking at it. */
public record AllergyBanner(State state, String text) implements Serializable {
    /** Which look the banner takes. */
    public enum State {
        /** current allergies are listed */
        ALLERGIES,
        /** "no known allergies" was recorded */
        NONE_KNOWN,
        /** never asked: a warning, never a blank that reads as "none" */
        NOT_RECORDED,
        /** the viewer may not read the chart: allergies are not shown */
        HIDDEN
    }
}
