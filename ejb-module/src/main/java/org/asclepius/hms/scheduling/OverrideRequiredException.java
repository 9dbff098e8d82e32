package org.asclepius.hms.scheduling;

import org.asclepius.hms.shared.DomainException;

/**
 * The booking is possible only as an exception staff must justify: overbooking a full slot that the service's
 * policy allows ({@code overbookReason}) or a patient already booked at an overlapping time ({@code overlapReason}).
 * Nothing was booked; asking again with the named reason filled in books it.
 */
public class OverrideRequiredException extends DomainException {
    private static final long serialVersionUID = 1L;
    public static final String OVERBOOK = "overbookReason";
    public static final String OVERLAP = "overlapReason";
    private final String field;

    public OverrideRequiredException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field whose reason would allow it: {@link #OVERBOOK} or {@link #OVERLAP}. */
    public String getField() {
        return field;
    }
}
