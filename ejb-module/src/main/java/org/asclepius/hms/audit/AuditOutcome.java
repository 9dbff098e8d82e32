package org.asclepius.hms.audit;

public enum AuditOutcome {
    /** the work was done */
    SUCCESS,
    /** the caller's roles did not allow it */
    DENIED,
    /** it was refused (bad input, conflict) or broke */
    FAILED
}
