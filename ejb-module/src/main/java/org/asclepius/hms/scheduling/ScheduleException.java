package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Leave, a holiday or blocked time of a resource: its slots inside are blocked. */
@Entity
@Table(name = "schedule_exception")
public class ScheduleException {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "resource_id", nullable = false)
    private SchedulableResource resource;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private ExceptionKind kind;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "reason", nullable = false, length = 300)
    private String reason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected ScheduleException() {
    }

    public ScheduleException(SchedulableResource resource, ExceptionKind kind, Instant start, Instant end,
            String reason, String user, Instant now) {
        this.resource = resource;
        this.kind = kind;
        this.startsAt = start;
        this.endsAt = end;
        this.reason = reason.trim();
        this.createdBy = user;
        this.createdAt = now;
    }

    public TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }

    public Long getId() { return id; }
    public SchedulableResource getResource() { return resource; }
    public ExceptionKind getKind() { return kind; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public String getReason() { return reason; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
