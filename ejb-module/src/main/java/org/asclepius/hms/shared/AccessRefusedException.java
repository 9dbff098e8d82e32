package org.asclepius.hms.shared;

/**
 * The caller holds a role that may do this in general, but not for this record: e.g. a clinician outside the
 * patient's care relationship opening the chart without break-the-glass. The refusal was audited (DENIED, with the
 * patient) by whoever threw it. Screens show the message and offer what the caller can do; the API answers 403.
 */
public class AccessRefusedException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final boolean breakGlassPossible;

    public AccessRefusedException(String message, boolean breakGlassPossible) {
        super(message);
        this.breakGlassPossible = breakGlassPossible;
    }

    /** True when the caller may open the record by break-the-glass (with a reason). */
    public boolean isBreakGlassPossible() {
        return breakGlassPossible;
    }
}
