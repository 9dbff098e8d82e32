package org.asclepius.hms.shared;

import java.time.Instant;

/** Someone else saved the record after the caller loaded it: nothing was overwritten. */
public class ConcurrentUpdateException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final String changedBy;
    private final Instant changedAt;

    public ConcurrentUpdateException(String resource, String changedBy, Instant changedAt) {
        super(resource + " was changed by " + changedBy + " at " + TimeFormat.forUsers(changedAt)
                + " after you opened it. Nothing was saved: reload to see their changes, then edit again.");
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
