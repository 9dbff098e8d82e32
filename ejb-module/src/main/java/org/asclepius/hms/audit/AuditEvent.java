package org.asclepius.hms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One audit event: append-only (never updated or deleted by the application). Its content hash is
 * computed when it is written; the {@link AuditSealer} later links it into the hash chain.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "node", nullable = false, length = 100)
    private String node;
    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;
    @Column(name = "user_roles", length = 300)
    private String userRoles;
    @Column(name = "triggered_by", length = 100)
    private String triggeredBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 20)
    private AuditAction action;
    @Column(name = "resource_type", nullable = false, length = 60)
    private String resourceType;
    @Column(name = "resource_id", length = 100)
    private String resourceId;
    @Column(name = "patient_id")
    private Long patientId;
    @Column(name = "channel", length = 20)
    private String channel;
    @Column(name = "source_address", length = 100)
    private String sourceAddress;
    @Column(name = "client_id", length = 100)
    private String clientId;
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, length = 10)
    private AuditOutcome outcome;
    @Column(name = "detail", length = 500)
    private String detail;
    @Column(name = "request_id", length = 40)
    private String requestId;
    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    protected AuditEvent() {
    }

    public AuditEvent(AuditRecord r) {
        this.occurredAt = r.occurredAt();
        this.node = r.node();
        this.userName = r.userName();
        this.userRoles = r.userRoles();
        this.triggeredBy = r.triggeredBy();
        this.action = r.action();
        this.resourceType = r.resourceType();
        this.resourceId = r.resourceId();
        this.patientId = r.patientId();
        this.channel = r.channel();
        this.sourceAddress = r.sourceAddress();
        this.clientId = r.clientId();
        this.outcome = r.outcome();
        this.detail = r.detail();
        this.requestId = r.requestId();
        this.contentHash = AuditHashChain.contentHash(r);
    }

    public AuditRecord toRecord() {
        return new AuditRecord(id, occurredAt, node, userName, userRoles, triggeredBy, action, resourceType,
                resourceId, patientId, channel, sourceAddress, clientId, outcome, detail, requestId);
    }

    public Long getId() {
        return id;
    }

    public String getContentHash() {
        return contentHash;
    }
}
