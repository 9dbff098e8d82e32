package org.asclepius.hms.shared;

import jakarta.ejb.ApplicationException;

/**
 * A failure the user can understand and act on. Rolls the transaction back; the message is written for a
 * clerk and never contains a stack trace or patient data beyond what the user already typed.
 */
@ApplicationException(rollback = true, inherited = true)
public class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }
}
