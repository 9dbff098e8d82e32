package org.asclepius.hms.audit;

import java.io.Serializable;
import java.time.Instant;

/** The content of one audit event, as written and as shown in the audit viewer. */
public record AuditRecord(Long id, Instant occurredAt, String node, String userName, String userRoles,
                          String triggeredBy, AuditAction action, String resourceType, String resourceId,
                          Long patientId, String channel, String sourceAddress, String clientId,
                          AuditOutcome outcome, String detail, String requestId) implements Serializable {
}
