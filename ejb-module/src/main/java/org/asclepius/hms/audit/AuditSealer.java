package org.asclepius.hms.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asclepius.hms.health.SchemaStatus;
import org.asclepius.hms.shared.Roles;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Seals new audit events into hash-chained blocks every few seconds. Runs once per cluster (a persistent
 * timer), as the system. Only the sealer locks the chain head, so the requests writing events never wait
 * on each other.
 */
@Stateless
@RunAs(Roles.SYSTEM)
@RunAsPrincipal(Roles.SYSTEM)
public class AuditSealer {
    /** No transaction lives longer than this, so an event older than this and still unsealed is suspicious. */
    public static final Duration SEALING_WINDOW = Duration.ofMinutes(15);
    private static final int MAX_PER_BLOCK = 5000;
    private static final AtomicBoolean CAUGHT_UP = new AtomicBoolean();

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = true, info = "audit-sealer")
    public void sealOnSchedule() {
        if (SchemaStatus.migratedVersion() == null) {
            return; // the deployment is still starting (or its migration failed): nothing to seal yet
        }
        sealPending();
    }

    /** Seals every event not yet in the chain into one new block; returns how many were sealed. */
    @RolesAllowed({Roles.SYSTEM, Roles.ADMIN, Roles.PRIVACY_OFFICER})
    public int sealPending() {
        AuditChainHead head = em.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        Instant since = CAUGHT_UP.get() ? clock.instant().minus(SEALING_WINDOW) : Instant.EPOCH;
        List<Object[]> pending = em.createQuery("select e.id, e.contentHash from AuditEvent e"
                        + " where e.occurredAt >= :since"
                        + " and not exists (select 1 from AuditSeal s where s.eventId = e.id)"
                        + " order by e.id", Object[].class)
                .setParameter("since", since)
                .setMaxResults(MAX_PER_BLOCK)
                .getResultList();
        if (pending.size() < MAX_PER_BLOCK) {
            CAUGHT_UP.set(true);
        }
        if (pending.isEmpty()) {
            return 0;
        }
        long blockNo = head.getLastBlockNo() + 1;
        long position = head.getLastPosition();
        String previous = head.getLastLink();
        String link = previous;
        for (Object[] row : pending) {
            long eventId = (Long) row[0];
            link = AuditHashChain.link(link, eventId, (String) row[1]);
            em.persist(new AuditSeal(eventId, blockNo, ++position, link));
        }
        em.persist(new AuditBlock(blockNo, head.getLastPosition() + 1, position, previous, link, clock.instant(),
                AuditTrail.nodeName()));
        head.advance(blockNo, position, link);
        return pending.size();
    }
}
