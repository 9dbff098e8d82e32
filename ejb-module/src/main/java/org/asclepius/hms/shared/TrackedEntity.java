package org.asclepius.hms.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Base of every mutable entity: optimistic locking and who changed it when. The values are set by the
 * service through {@link #touch(String, Instant)} so that the audit and the record agree on the time.
 */
@MappedSuperclass
public abstract class TrackedEntity {
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    public void touch(String user, Instant now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = user;
        }
        updatedAt = now;
        updatedBy = user;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
