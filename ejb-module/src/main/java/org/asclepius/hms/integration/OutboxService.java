package org.asclepius.hms.integration;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;

/** What staff do with the outbox: see what failed or waits, and send a dead message again. */
@Stateless
@Audited(resource = "OutboxMessage")
public class OutboxService {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /** Messages in a status (all when null), the most recent first. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "OutboxMessage")
    public Page<OutboxRecord> list(OutboxStatus status, int first, int max) {
        String where = status == null ? "" : " where m.status = :status";
        var count = em.createQuery("select count(m) from OutboxMessage m" + where, Long.class);
        var query = em.createQuery("select m from OutboxMessage m left join fetch m.patient" + where
                + " order by m.updatedAt desc, m.id desc", OutboxMessage.class);
        if (status != null) {
            count.setParameter("status", status);
            query.setParameter("status", status);
        }
        return new Page<>(query.setFirstResult(first).setMaxResults(max).getResultStream()
                .map(OutboxRecord::of).toList(), count.getSingleResult(), first, max);
    }

    /** Messages about one thing (e.g. {@code Appointment/42}), oldest first. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.READ, resource = "OutboxMessage")
    public java.util.List<OutboxRecord> about(String reference) {
        return em.createQuery("select m from OutboxMessage m left join fetch m.patient where m.reference = :ref"
                        + " order by m.id", OutboxMessage.class)
                .setParameter("ref", reference).getResultStream().map(OutboxRecord::of).toList();
    }

    /** Puts a dead (or waiting) message back in line for delivery now, with a fresh count of attempts. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "OutboxMessage")
    public OutboxRecord retry(long id) {
        OutboxMessage m = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw new NotFoundException("Message", id);
        }
        if (m.getStatus() == OutboxStatus.SENT || m.getStatus() == OutboxStatus.CANCELLED) {
            throw new org.asclepius.hms.shared.DomainException("This message was already "
                    + m.getStatus().name().toLowerCase(java.util.Locale.ROOT) + "; there is nothing to retry.");
        }
        m.retryNow(clock.instant());
        m.touch(session.getCallerPrincipal().getName(), clock.instant());
        return OutboxRecord.of(m);
    }
}
