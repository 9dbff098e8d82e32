package org.asclepius.hms.scheduling;

import org.asclepius.hms.shared.DomainException;

/** The time asked for is taken (the slot is full under the service's policy): nothing was booked. */
public class SlotConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    public SlotConflictException(String message) {
        super(message);
    }
}
