package org.asclepius.hms.patient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;

/**
 * Merges a duplicate patient record into the surviving one, and undoes such a merge.
 *
 * <p>Merge: every row of every entity that references the retired patient (found in the JPA metamodel by
 * {@link PatientReferences}, so modules added later are covered) is re-pointed to the survivor, and each row
 * moved is written down in {@code patient_merge_change}. The retired record stays, marked merged into the
 * survivor (FHIR {@code link replaced-by}); its MRN keeps resolving to it; its other identifiers move to the
 * survivor and remember where they came from. The audit trail and the merge history are left as they were.
 *
 * <p>Unmerge: puts back exactly the rows the merge moved (rows added to the survivor since stay with it) and
 * clears the retired mark. Both need the records officer's role, a reason, and are refused while a module's
 * {@link MergeGuard} objects (e.g. an open admission).
 */
@Stateless
public class PatientMergeService {
    static final String REVIEW = "DuplicateReview";

    @PersistenceContext
    EntityManager em;
    @Inject
    PatientReferences references;
    @Inject
    PatientMatching matching;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    @Any
    Instance<MergeGuard> guards;
    @Resource
    SessionContext session;
    @Inject
    Event<AdtEvent> adt;

    /**
     * Merges {@code retiredId} into {@code survivorId}, both as loaded by the caller (their versions); a change
     * made to either in between refuses the merge rather than merging what the reviewer did not see.
     */
    @RolesAllowed(Roles.RECORDS_OFFICER)
    @Audited(action = AuditAction.MERGE)
    public PatientMergeRecord merge(@PatientRef long survivorId, long survivorVersion, long retiredId,
                                    long retiredVersion, String reason, Long reviewId) {
        String why = reason(reason, "reason");
        if (survivorId == retiredId) {
            throw InvalidInputException.of("survivor", "choose two different records");
        }
        Patient[] pair = lockPair(survivorId, retiredId);
        Patient survivor = pair[0];
        Patient retired = pair[1];
        checkVersion(survivor, survivorVersion);
        checkVersion(retired, retiredVersion);
        for (Patient p : List.of(survivor, retired)) {
            if (p.getMergedInto() != null) {
                throw new DomainException("MRN " + p.getMrn() + " was already merged into MRN "
                        + p.getMergedInto().getMrn() + "; merge with that record instead.");
            }
        }
        if (survivor.isUnidentified() && !retired.isUnidentified()) {
            throw new DomainException("Keep the identified record: the emergency record of an unidentified patient"
                    + " (MRN " + survivor.getMrn() + ") is merged into the real identity (MRN " + retired.getMrn()
                    + "), not the other way round.");
        }
        checkGuards(survivor, retired);
        em.flush();

        String by = caller();
        PatientMerge merge = new PatientMerge(survivorId, retiredId, why, reviewId,
                clock.instant().truncatedTo(ChronoUnit.MICROS), by);
        em.persist(merge);
        em.flush();
        long mergeId = merge.getId();

        List<PatientMergeChange> changes = new ArrayList<>();
        List<String> movedIdentifiers = List.of();
        for (PatientReferences.Reference ref : references.all()) {
            List<String> rows = references.rowsPointingAt(ref, retiredId);
            if (!rows.isEmpty()) {
                references.repoint(ref, rows, survivor);
                rows.forEach(row -> changes.add(new PatientMergeChange(mergeId, ref.entity(), ref.attribute(), row,
                        String.valueOf(retiredId))));
                if (ref.entity().equals(PatientIdentifier.class.getSimpleName())) {
                    movedIdentifiers = rows;
                }
            }
        }
        if (reviewId != null) {
            DuplicateReview review = em.find(DuplicateReview.class, reviewId);
            if (review != null && review.involves(survivorId) && review.involves(retiredId)) {
                changes.add(new PatientMergeChange(mergeId, REVIEW, "status", reviewId.toString(), review.getStatus()));
                review.decide(DuplicateReview.SAME_PERSON);
            }
        }
        changes.forEach(em::persist);
        em.flush();
        em.clear();

        retired = em.find(Patient.class, retiredId);
        survivor = em.find(Patient.class, survivorId);
        if (!movedIdentifiers.isEmpty()) {
            // provenance for the unmerge; an identifier that came with an earlier merge keeps its first origin
            em.createQuery("update PatientIdentifier i set i.mergedFrom = :retired where i.id in :ids"
                            + " and i.mergedFrom is null")
                    .setParameter("retired", retiredId)
                    .setParameter("ids", movedIdentifiers.stream().map(Long::valueOf).toList())
                    .executeUpdate();
        }
        retired.mergeInto(survivor);
        retired.touch(by, merge.getMergedAt());
        survivor.touch(by, merge.getMergedAt());
        em.createNativeQuery("delete from patient_match_key where patient_id = ?").setParameter(1, retiredId)
                .executeUpdate();
        em.flush();
        adt.fire(new AdtEvent(AdtTrigger.A40, survivorId, null, retiredId));

        PatientMergeRecord result = record(merge, survivor.getMrn(), retired.getMrn(), changes.size());
        audit.recordSuccess(AuditAction.MERGE, "Patient", String.valueOf(retiredId), retiredId,
                "merged into MRN " + survivor.getMrn() + " (merge " + mergeId + ", " + changes.size()
                        + " rows re-pointed): " + why);
        audit.recordSuccess(AuditAction.MERGE, "Patient", String.valueOf(survivorId), survivorId,
                "MRN " + retired.getMrn() + " merged into this record (merge " + mergeId + "): " + why);
        return result;
    }

    /** Undoes the merge that retired this patient: what the merge moved goes back, the record is active again. */
    @RolesAllowed(Roles.RECORDS_OFFICER)
    @Audited(action = AuditAction.UNMERGE)
    public PatientMergeRecord unmerge(@PatientRef long retiredId, String reason) {
        String why = reason(reason, "undoReason");
        PatientMerge merge = latestMerge(retiredId).filter(m -> m.getUndoneAt() == null)
                .orElseThrow(() -> new DomainException("This record is not merged into another; there is nothing"
                        + " to undo."));
        Patient[] pair = lockPair(merge.getSurvivorId(), retiredId);
        Patient survivor = pair[0];
        Patient retired = pair[1];
        if (survivor.getMergedInto() != null) {
            throw new DomainException("MRN " + survivor.getMrn() + " has since been merged into MRN "
                    + survivor.getMergedInto().getMrn() + "; undo that merge first.");
        }
        checkGuards(survivor, retired);
        em.flush();

        List<PatientMergeChange> changes = em.createQuery("select c from PatientMergeChange c"
                + " where c.key.mergeId = :merge", PatientMergeChange.class)
                .setParameter("merge", merge.getId()).getResultList();
        List<PatientReferences.Reference> refs = references.all();
        for (PatientReferences.Reference ref : refs) {
            List<String> rows = changes.stream()
                    .filter(c -> c.getKey().entityName().equals(ref.entity())
                            && c.getKey().attributeName().equals(ref.attribute()))
                    .map(c -> c.getKey().rowId()).toList();
            // only rows that still point at the survivor: a row since re-pointed or deleted is left as it is
            List<String> stillHere = new ArrayList<>(references.rowsPointingAt(ref, survivor.getId()));
            stillHere.retainAll(rows);
            references.repoint(ref, stillHere, retired);
        }
        for (PatientMergeChange c : changes) {
            if (c.getKey().entityName().equals(REVIEW)) {
                DuplicateReview review = em.find(DuplicateReview.class, Long.valueOf(c.getKey().rowId()));
                if (review != null) {
                    review.decide(c.getOldValue());
                }
            }
        }
        em.flush();
        em.clear();
        em.createQuery("update PatientIdentifier i set i.mergedFrom = null where i.mergedFrom = :retired"
                        + " and i.patient.id = :retired")
                .setParameter("retired", retiredId).executeUpdate();

        retired = em.find(Patient.class, retiredId);
        survivor = em.find(Patient.class, merge.getSurvivorId());
        merge = em.find(PatientMerge.class, merge.getId());
        String by = caller();
        merge.undo(clock.instant().truncatedTo(ChronoUnit.MICROS), by, why);
        retired.unmerge();
        retired.touch(by, merge.getUndoneAt());
        survivor.touch(by, merge.getUndoneAt());
        em.flush();
        matching.storeKeys(retired);

        audit.recordSuccess(AuditAction.UNMERGE, "Patient", String.valueOf(retiredId), retiredId,
                "merge " + merge.getId() + " into MRN " + survivor.getMrn() + " undone: " + why);
        audit.recordSuccess(AuditAction.UNMERGE, "Patient", String.valueOf(survivor.getId()), survivor.getId(),
                "merge " + merge.getId() + " of MRN " + retired.getMrn() + " undone: " + why);
        return record(merge, survivor.getMrn(), retired.getMrn(), changes.size());
    }

    /** The merge that retired this patient (the latest, if it was merged, undone and merged again). */
    @RolesAllowed({Roles.RECORDS_OFFICER, Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN,
            Roles.PRIVACY_OFFICER, Roles.BILLING_CLERK, Roles.PHARMACIST, Roles.LAB_TECHNICIAN, Roles.INTEGRATION})
    @Audited(action = AuditAction.READ, resource = "PatientMerge")
    public Optional<PatientMergeRecord> mergeOf(@PatientRef long retiredId) {
        return latestMerge(retiredId).map(m -> record(m, mrn(m.getSurvivorId()), mrn(m.getRetiredId()),
                em.createQuery("select count(c) from PatientMergeChange c where c.key.mergeId = :merge", Long.class)
                        .setParameter("merge", m.getId()).getSingleResult().intValue()));
    }

    private Optional<PatientMerge> latestMerge(long retiredId) {
        return em.createQuery("select m from PatientMerge m where m.retiredId = :retired order by m.mergedAt desc,"
                        + " m.id desc", PatientMerge.class)
                .setParameter("retired", retiredId).setMaxResults(1).getResultStream().findFirst();
    }

    private void checkGuards(Patient survivor, Patient retired) {
        for (MergeGuard guard : guards) {
            for (Patient p : List.of(retired, survivor)) {
                guard.refusal(p.getId()).ifPresent(message -> {
                    throw new DomainException("MRN " + p.getMrn() + ": " + message);
                });
            }
        }
    }

    /** Both patients locked, in id order so that two merges of overlapping pairs cannot deadlock. */
    private Patient[] lockPair(long survivorId, long retiredId) {
        Patient first = lock(Math.min(survivorId, retiredId));
        Patient second = lock(Math.max(survivorId, retiredId));
        return first.getId() == survivorId ? new Patient[] {first, second} : new Patient[] {second, first};
    }

    private Patient lock(long id) {
        Patient p = em.find(Patient.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw new NotFoundException("Patient", id);
        }
        return p;
    }

    private static void checkVersion(Patient p, long loadedVersion) {
        if (p.getVersion() != loadedVersion) {
            throw new ConcurrentUpdateException("The record with MRN " + p.getMrn(), p.getUpdatedBy(),
                    p.getUpdatedAt());
        }
    }

    private static String reason(String reason, String field) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw InvalidInputException.of(field, "give the reason (it is kept in the audit trail)");
        }
        if (why.length() > 300 || why.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
            throw InvalidInputException.of(field, "at most 300 characters, no < or >");
        }
        return why;
    }

    private String mrn(long patientId) {
        return em.find(Patient.class, patientId).getMrn();
    }

    private static PatientMergeRecord record(PatientMerge m, String survivorMrn, String retiredMrn, int rows) {
        return new PatientMergeRecord(m.getId(), m.getSurvivorId(), survivorMrn, m.getRetiredId(), retiredMrn,
                m.getReason(), m.getMergedAt(), m.getMergedBy(), m.getUndoneAt(), m.getUndoneBy(),
                m.getUndoReason(), rows);
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
