package org.asclepius.hms.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.RequestContext;
import org.asclepius.hms.shared.Roles;

/**
 * Writes and reads the audit trail. Successful work is recorded in the caller's transaction (so an event
 * exists exactly when the work was committed); denied and failed attempts in a transaction of their own so
 * that they are kept although the work is rolled back.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.PHYSICIAN, Roles.NURSE, Roles.RECEPTIONIST, Roles.BILLING_CLERK,
        Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.PRIVACY_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
public class AuditTrail {
    @PersistenceContext
    EntityManager em;
    @Resource
    SessionContext session;
    @Inject
    RequestContext request;
    @Inject
    Clock clock;

    /** Records successful access in the current transaction; skips a repeat within the same request. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordSuccess(AuditAction action, String resourceType, String resourceId, Long patientId) {
        recordSuccess(action, resourceType, resourceId, patientId, null);
    }

    /**
     * Records successful access with a detail (e.g. the reason a clerk gave for a decision), in the current
     * transaction. The detail is kept in the audit trail, never in logs.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void recordSuccess(AuditAction action, String resourceType, String resourceId, Long patientId,
                              String detail) {
        // one event per patient per request; a detail (a reason, a decision) is a fact of its own
        String key = action + "|" + resourceType + "|" + resourceId + "|" + patientId
                + (detail == null ? "" : "|" + detail);
        if (firstTimeInRequest(key)) {
            em.persist(new AuditEvent(record(action, resourceType, resourceId, patientId, AuditOutcome.SUCCESS,
                    detail)));
        }
    }

    /** Records a denied or failed attempt in a transaction of its own, so it survives the rollback. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttempt(AuditOutcome outcome, AuditAction action, String resourceType, String resourceId,
                              Long patientId, String detail) {
        em.persist(new AuditEvent(record(action, resourceType, resourceId, patientId, outcome, detail)));
    }

    /** The audit trail, newest first, optionally for one patient ("who viewed this record"). */
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN})
    public Page<AuditRecord> search(Long patientId, String userName, int first, int max) {
        String where = " where (:patient is null or e.patientId = :patient)"
                + " and (:user is null or e.userName = :user)";
        var query = em.createQuery("select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setParameter("patient", patientId)
                .setParameter("user", blankToNull(userName))
                .setFirstResult(first)
                .setMaxResults(Math.min(max, 500));
        long total = em.createQuery("select count(e) from AuditEvent e" + where, Long.class)
                .setParameter("patient", patientId)
                .setParameter("user", blankToNull(userName))
                .getSingleResult();
        List<AuditRecord> items = query.getResultList().stream().map(AuditEvent::toRecord).toList();
        // reading the audit trail is itself audited (one event, no patient unless one was asked for)
        recordSuccess(AuditAction.READ, "AuditTrail", patientId == null ? null : patientId.toString(), patientId);
        return new Page<>(items, total, first, max);
    }

    private AuditRecord record(AuditAction action, String resourceType, String resourceId, Long patientId,
                               AuditOutcome outcome, String detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String channel = null;
        String address = null;
        String client = null;
        String requestId = null;
        String triggeredBy = null;
        try {
            channel = request.getChannel();
            address = request.getSourceAddress();
            client = request.getClientId();
            requestId = request.getRequestId();
            triggeredBy = request.getTriggeredBy();
        } catch (ContextNotActiveException noRequest) {
            channel = "system";
        }
        String caller = callerName();
        String roles;
        try {
            roles = request.rolesOf(caller, this::callerRoles);
        } catch (ContextNotActiveException noRequest) {
            roles = callerRoles();
        }
        return new AuditRecord(null, now, nodeName(), caller, roles, triggeredBy, action,
                resourceType, resourceId, patientId, channel, address, client, outcome, truncate(detail),
                requestId);
    }

    private boolean firstTimeInRequest(String key) {
        try {
            return request.firstTime(key);
        } catch (ContextNotActiveException noRequest) {
            return true;
        }
    }

    private String callerName() {
        try {
            return session.getCallerPrincipal().getName();
        } catch (IllegalStateException e) {
            return "anonymous";
        }
    }

    private String callerRoles() {
        StringJoiner roles = new StringJoiner(",");
        for (String role : Roles.ALL) {
            if (session.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        return roles.toString();
    }

    static String nodeName() {
        return System.getProperty("jboss.node.name", "node");
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
