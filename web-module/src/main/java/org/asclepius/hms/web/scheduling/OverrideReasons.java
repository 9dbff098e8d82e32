package org.asclepius.hms.web.scheduling;

import java.io.Serializable;
import org.asclepius.hms.scheduling.OverrideRequiredException;

/**
 * The reasons a clerk gives when a booking or a move needs an override: the service asks for one
 * ({@link OverrideRequiredException}), the form shows its message and one reason field, and the reason is kept
 * for the field it was asked for (an overbooking and a double booking may both be needed, one after the other).
 */
public class OverrideReasons implements Serializable {
    private static final long serialVersionUID = 1L;

    private String field;
    private String message;
    private String reason;
    private String overbook;
    private String overlap;

    /** The service asked for a reason: show its message, with what was typed for that field before. */
    public void asked(OverrideRequiredException e) {
        field = e.getField();
        message = e.getMessage();
        reason = OverrideRequiredException.OVERBOOK.equals(field) ? overbook : overlap;
    }

    /** Keeps the reason typed for the override asked for last, before the form is sent again. */
    public void keep() {
        if (OverrideRequiredException.OVERBOOK.equals(field)) {
            overbook = reason;
        } else if (OverrideRequiredException.OVERLAP.equals(field)) {
            overlap = reason;
        }
    }

    public void clear() {
        field = null;
        message = null;
        reason = null;
        overbook = null;
        overlap = null;
    }

    public String getLabel() {
        return OverrideRequiredException.OVERBOOK.equals(field) ? "Reason to overbook"
                : "Reason to book both appointments";
    }

    public String overbook() { return overbook; }
    public String overlap() { return overlap; }
    public String getField() { return field; }
    public String getMessage() { return message; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
