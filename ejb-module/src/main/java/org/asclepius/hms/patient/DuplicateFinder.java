package org.asclepius.hms.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.Roles;

/**
 * The whole-index duplicate scan, one patient at a time (the batch job drives it in id order, with
 * checkpoints): refreshes the patient's blocking keys and records on the worklist every earlier patient
 * sharing a key who scores at least "possible". Each pair is found once, when its later patient is scanned,
 * and written at most once (unique pair), so a restarted or repeated run adds no duplicate rows.
 */
@Stateless
public class DuplicateFinder {
    @PersistenceContext
    EntityManager em;
    @Inject
    PatientMatching matching;
    @Inject
    Clock clock;

    /** Patient ids after the given one, in order (the job's reader). */
    @RolesAllowed(Roles.SYSTEM)
    public List<Long> idsAfter(long afterId, int max) {
        return em.createQuery("select p.id from Patient p where p.id > :after order by p.id", Long.class)
                .setParameter("after", afterId).setMaxResults(max).getResultList();
    }

    /** Scans one patient against the earlier ones; returns how many new worklist rows it wrote. */
    @RolesAllowed(Roles.SYSTEM)
    public int scan(long patientId, Long jobExecutionId) {
        Patient patient = em.find(Patient.class, patientId);
        if (patient == null || patient.getMergedInto() != null) {
            return 0;
        }
        matching.storeKeys(patient);
        int written = 0;
        for (DuplicateCandidate c : matching.candidates(PatientMatching.toCandidate(patient), patientId,
                MatchGrade.POSSIBLE, PatientService.MAX_DUPLICATE_CANDIDATES)) {
            long earlier = c.patient().id();
            if (earlier < patientId && em.createQuery("select count(r) from DuplicateReview r"
                            + " where r.patientA = :a and r.patientB = :b", Long.class)
                    .setParameter("a", earlier).setParameter("b", patientId).getSingleResult() == 0) {
                em.persist(new DuplicateReview(earlier, patientId, c.score(), c.grade(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS), jobExecutionId));
                written++;
            }
        }
        return written;
    }

    /**
     * The open worklist, highest score first, without pairs of which one record has been merged since; both
     * patients of every listed pair are audited as seen.
     */
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.SEARCH)
    public Page<DuplicateReviewItem> openItems(int first, int max) {
        List<DuplicateReview> rows = em.createQuery("select r from DuplicateReview r where r.status = 'OPEN'"
                        + OPEN_PAIR + " order by r.score desc, r.id", DuplicateReview.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 100))).getResultList();
        long total = em.createQuery("select count(r) from DuplicateReview r where r.status = 'OPEN'" + OPEN_PAIR,
                Long.class).getSingleResult();
        return new Page<>(rows.stream().map(r -> new DuplicateReviewItem(r.getId(), summary(r.getPatientA()),
                summary(r.getPatientB()), r.getScore(), r.getGrade(), r.getFoundAt())).toList(), total, first, max);
    }

    /** One pair of the worklist (both patients audited as seen). */
    @RolesAllowed({Roles.ADMIN, Roles.PRIVACY_OFFICER, Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.READ)
    public DuplicateReviewItem item(long reviewId) {
        DuplicateReview r = find(reviewId);
        return new DuplicateReviewItem(r.getId(), summary(r.getPatientA()), summary(r.getPatientB()), r.getScore(),
                r.getGrade(), r.getFoundAt());
    }

    /** The reviewer's finding that the two records are different people: the pair leaves the worklist. */
    @RolesAllowed({Roles.RECORDS_OFFICER})
    @Audited(action = AuditAction.UPDATE, resource = "DuplicateReview")
    public DuplicateReviewItem markDifferent(long reviewId) {
        DuplicateReview r = find(reviewId);
        if (!DuplicateReview.OPEN.equals(r.getStatus())) {
            throw new org.asclepius.hms.shared.DomainException("This pair was already decided ("
                    + r.getStatus().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ").");
        }
        r.decide(DuplicateReview.DIFFERENT);
        return item(reviewId);
    }

    private DuplicateReview find(long reviewId) {
        DuplicateReview r = em.find(DuplicateReview.class, reviewId);
        if (r == null) {
            throw new org.asclepius.hms.shared.NotFoundException("Duplicate review item", reviewId);
        }
        return r;
    }

    private static final String OPEN_PAIR = " and not exists (select p.id from Patient p where p.mergedInto is not null"
            + " and p.id in (r.patientA, r.patientB))";

    private PatientSummary summary(long id) {
        return PatientMatching.summary(em.find(Patient.class, id));
    }
}
