package org.asclepius.hms.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.shared.Roles;

/** Verifies the whole audit trail and reports the first altered, inserted or deleted event. */
@Stateless
public class AuditVerification {
    private static final int BLOCKS_PER_QUERY = 50;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditTrail trail;

    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.ADMIN, Roles.SYSTEM})
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public VerificationReport verify() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        VerificationReport.Problem problem = null;
        long lastBlock = 0;
        outer:
        while (true) {
            List<AuditBlock> blocks = em.createQuery("select b from AuditBlock b where b.blockNo > :after"
                            + " order by b.blockNo", AuditBlock.class)
                    .setParameter("after", lastBlock)
                    .setMaxResults(BLOCKS_PER_QUERY)
                    .getResultList();
            if (blocks.isEmpty()) {
                break;
            }
            Map<Long, List<AuditChainVerifier.SealedEntry>> entries = entries(
                    blocks.get(0).getBlockNo(), blocks.get(blocks.size() - 1).getBlockNo());
            for (AuditBlock b : blocks) {
                problem = verifier.check(new AuditChainVerifier.Block(b.getBlockNo(), b.getFirstPosition(),
                        b.getLastPosition(), b.getPreviousHash(), b.getBlockHash()),
                        entries.getOrDefault(b.getBlockNo(), List.of()));
                if (problem != null) {
                    break outer;
                }
                lastBlock = b.getBlockNo();
            }
            em.clear();
        }
        List<Long> overdue = em.createQuery("select e.id from AuditEvent e where e.occurredAt < :limit"
                        + " and not exists (select 1 from AuditSeal s where s.eventId = e.id) order by e.id",
                        Long.class)
                .setParameter("limit", clock.instant().minus(AuditSealer.SEALING_WINDOW))
                .setMaxResults(100)
                .getResultList();
        trail.recordSuccess(AuditAction.ACCESS, "AuditVerification", null, null);
        return new VerificationReport(problem == null && overdue.isEmpty(), verifier.blocksChecked(),
                verifier.eventsChecked(), problem, overdue);
    }

    private Map<Long, List<AuditChainVerifier.SealedEntry>> entries(long fromBlock, long toBlock) {
        List<Object[]> rows = em.createQuery("select s.blockNo, s.position, s.eventId, s.link, e"
                        + " from AuditSeal s left join AuditEvent e on e.id = s.eventId"
                        + " where s.blockNo between :from and :to order by s.position", Object[].class)
                .setParameter("from", fromBlock)
                .setParameter("to", toBlock)
                .getResultList();
        Map<Long, List<AuditChainVerifier.SealedEntry>> byBlock = new HashMap<>();
        for (Object[] row : rows) {
            AuditEvent event = (AuditEvent) row[4];
            byBlock.computeIfAbsent((Long) row[0], k -> new ArrayList<>())
                    .add(new AuditChainVerifier.SealedEntry((Long) row[1], (Long) row[2], (String) row[3],
                            event == null ? null : event.toRecord(),
                            event == null ? null : event.getContentHash()));
        }
        return byBlock;
    }
}
