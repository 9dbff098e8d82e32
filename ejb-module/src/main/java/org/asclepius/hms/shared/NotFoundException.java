package org.asclepius.hms.shared;

/** The requested record does not exist (or is not visible to the caller). */
public class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String resourceType, Object id) {
        super(resourceType + " " + id + " was not found.");
    }
}
