package org.asclepius.hms.inpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Admission, transfer, leave of absence and discharge, and their cancellation when entered in error. A bed never
 * holds two patients and a patient never holds two beds: the patient row and the beds involved are locked (beds in
 * id order) before anything is read, and the database's unique "current" columns of bed_stay and admission refuse
 * a second holder whatever happens above them. A discharged or vacated bed waits for housekeeping
 * ({@link BedService#release}). Every change is written to the admission's history and told to other systems as
 * an HL7 ADT event in the same transaction.
 */
@Stateless
@Audited(resource = "Admission")
public class AdmissionService {
    /** How long after a discharge it can still be cancelled as entered in error. */
    static final Duration DISCHARGE_CANCEL_WINDOW = Duration.ofHours(48);
    /** The longest leave of absence granted at once. */
    static final Duration LONGEST_LEAVE = Duration.ofDays(14);

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;
    @Inject
    BedAllocation beds;

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.CREATE, resource = "Admission")
    public AdmissionRecord admit(@PatientRef long patientId, long bedId, AdmissionSource source, String reason,
            String attending) {
        if (source == null) {
            throw InvalidInputException.of("source", "choose where the patient comes from");
        }
        String why = BedAllocation.required("reason", reason, 300, "enter the reason for admission");
        String doctor = BedAllocation.optional("attending", attending, 100);
        Patient patient = beds.lockPatient(patientId);
        beds.refuseIfAdmitted(patient);
        Bed bed = beds.takeableBed(bedId, patient, null);
        Admission admission = beds.admitInto(patient, bed, source, why, doctor, null, caller());
        return AdmissionRecord.of(admission, bed);
    }

    /** Moves the admitted patient to another free bed; the bed left behind waits for cleaning. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord transfer(long admissionId, long version, long toBedId) {
        Admission admission = lockOpen(admissionId, version);
        if (admission.getStatus() == AdmissionStatus.ON_LEAVE) {
            throw new DomainException("The patient is on leave; record the return before a transfer.");
        }
        BedStay stay = beds.currentStay(admission).orElseThrow(() -> new DomainException("The patient has no bed."));
        if (stay.getBed().getId() == toBedId) {
            throw InvalidInputException.of("bedId", "the patient is already in bed " + stay.getBed().name());
        }
        beds.lockBeds(stay.getBed().getId(), toBedId);
        Bed to = beds.takeableBed(toBedId, admission.getPatient(), null);
        Instant now = clock.instant();
        stay.end(now);
        beds.leaveBed(stay.getBed(), BedStatus.NEEDS_CLEANING, caller(), now);
        em.flush(); // the old stay gives up its "current" columns before the new one takes them
        em.persist(new BedStay(admission, to, now));
        beds.occupy(to, caller(), now);
        admission.getEncounter().setDepartment(to.getWard().getDepartment());
        admission.getEncounter().touch(caller(), now);
        admission.touch(caller(), now);
        beds.record(admission, AdmissionEventKind.TRANSFERRED, caller(), now, to, "from " + stay.getBed().name());
        beds.fire(AdtTrigger.A02, admission.getEncounter());
        return AdmissionRecord.of(admission, to);
    }

    /** Leave of absence: the patient goes home for a while; the bed stays theirs until they return or leave. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord startLeave(long admissionId, long version, Instant until, String reason) {
        String why = BedAllocation.required("reason", reason, 300, "enter the reason for the leave");
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST_LEAVE))) {
            throw InvalidInputException.of("until", "the expected return must be in the next "
                    + LONGEST_LEAVE.toDays() + " days");
        }
        Admission admission = lockOpen(admissionId, version);
        if (admission.getStatus() == AdmissionStatus.ON_LEAVE) {
            throw new DomainException("The patient is already on leave (until "
                    + TimeFormat.forUsers(admission.getLeaveUntil()) + ").");
        }
        admission.leave(until);
        admission.touch(caller(), now);
        admission.getEncounter().setStatus(EncounterStatus.ON_LEAVE);
        admission.getEncounter().touch(caller(), now);
        Bed bed = beds.currentStay(admission).map(BedStay::getBed).orElse(null);
        beds.record(admission, AdmissionEventKind.LEAVE_STARTED, caller(), now, bed,
                why + " (back by " + TimeFormat.forUsers(until) + ")");
        beds.fire(AdtTrigger.A08, admission.getEncounter());
        return AdmissionRecord.of(admission, bed);
    }

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord endLeave(long admissionId, long version) {
        Admission admission = lockOpen(admissionId, version);
        if (admission.getStatus() != AdmissionStatus.ON_LEAVE) {
            throw new DomainException("The patient is not on leave.");
        }
        Instant now = clock.instant();
        admission.returnFromLeave();
        admission.touch(caller(), now);
        admission.getEncounter().setStatus(EncounterStatus.IN_PROGRESS);
        admission.getEncounter().touch(caller(), now);
        Bed bed = beds.currentStay(admission).map(BedStay::getBed).orElse(null);
        beds.record(admission, AdmissionEventKind.LEAVE_ENDED, caller(), now, bed, null);
        beds.fire(AdtTrigger.A08, admission.getEncounter());
        return AdmissionRecord.of(admission, bed);
    }

    /** Discharge with a disposition (home, transferred, died…) and the discharge summary. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord discharge(long admissionId, long version, String disposition, String summary) {
        String how = BedAllocation.required("disposition", disposition, 30,
                "choose the disposition (e.g. home, transferred, died)");
        String text = BedAllocation.optional("summary", summary, 4000);
        Admission admission = lockOpen(admissionId, version);
        Instant now = clock.instant();
        Bed left = beds.currentStay(admission).map(stay -> {
            beds.lockBeds(stay.getBed().getId());
            stay.end(now);
            beds.leaveBed(stay.getBed(), BedStatus.NEEDS_CLEANING, caller(), now);
            return stay.getBed();
        }).orElse(null);
        admission.discharge(how, text, now);
        admission.touch(caller(), now);
        admission.getEncounter().end(now);
        admission.getEncounter().touch(caller(), now);
        beds.record(admission, AdmissionEventKind.DISCHARGED, caller(), now, left, how);
        beds.fire(AdtTrigger.A03, admission.getEncounter());
        return AdmissionRecord.of(admission, null);
    }

    /**
     * An admission entered in error (wrong patient, never came): it ends as cancelled, its stay is kept for the
     * record but never counted, and the bed goes to cleaning. Only before any transfer (cancel those first).
     */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord cancelAdmission(long admissionId, long version, String reason) {
        String why = BedAllocation.required("reason", reason, 300, "say why the admission is cancelled");
        Admission admission = lockOpen(admissionId, version);
        List<BedStay> stays = beds.stays(admission);
        if (stays.size() > 1) {
            throw new DomainException("The patient has been transferred since the admission; cancel the transfer"
                    + " first (" + (stays.size() - 1) + " transfer" + (stays.size() > 2 ? "s" : "") + ").");
        }
        Instant now = clock.instant();
        Bed bed = null;
        if (!stays.isEmpty()) {
            BedStay stay = stays.get(0);
            bed = stay.getBed();
            beds.lockBeds(bed.getId());
            stay.cancel(now);
            beds.leaveBed(bed, BedStatus.NEEDS_CLEANING, caller(), now);
        }
        admission.cancel();
        admission.touch(caller(), now);
        admission.getEncounter().cancel(now);
        admission.getEncounter().touch(caller(), now);
        beds.record(admission, AdmissionEventKind.ADMISSION_CANCELLED, caller(), now, bed, why);
        beds.fire(AdtTrigger.A11, admission.getEncounter());
        return AdmissionRecord.of(admission, null);
    }

    /**
     * The last transfer was entered in error: the patient is back in the bed before it (which must not have been
     * given to someone else), and the stay in the wrong bed is kept for the record but never counted.
     */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord cancelTransfer(long admissionId, long version, String reason) {
        String why = BedAllocation.required("reason", reason, 300, "say why the transfer is cancelled");
        Admission admission = lockOpen(admissionId, version);
        if (admission.getStatus() == AdmissionStatus.ON_LEAVE) {
            throw new DomainException("The patient is on leave; record the return first.");
        }
        List<BedStay> stays = beds.stays(admission);
        if (stays.size() < 2 || stays.get(0).getEndedAt() != null) {
            throw new DomainException("There is no transfer to cancel: the patient is still in the first bed.");
        }
        BedStay wrong = stays.get(0);
        BedStay before = stays.get(1);
        beds.lockBeds(wrong.getBed().getId(), before.getBed().getId());
        Bed back = before.getBed();
        if (back.getStatus() != BedStatus.NEEDS_CLEANING && back.getStatus() != BedStatus.FREE) {
            throw new DomainException("Bed " + back.name() + " is " + BedService.label(back.getStatus())
                    + " now; the transfer cannot be undone. Transfer the patient to a free bed instead.");
        }
        Instant now = clock.instant();
        wrong.cancel(now);
        beds.leaveBed(wrong.getBed(), BedStatus.NEEDS_CLEANING, caller(), now);
        em.flush(); // the wrong stay gives up its "current" columns before the one before takes them again
        before.reopen();
        beds.occupy(back, caller(), now);
        admission.getEncounter().setDepartment(back.getWard().getDepartment());
        admission.getEncounter().touch(caller(), now);
        admission.touch(caller(), now);
        beds.record(admission, AdmissionEventKind.TRANSFER_CANCELLED, caller(), now, back,
                why + " (was in " + wrong.getBed().name() + ")");
        beds.fire(AdtTrigger.A12, admission.getEncounter());
        return AdmissionRecord.of(admission, back);
    }

    /**
     * A discharge entered in error (within {@link #DISCHARGE_CANCEL_WINDOW}): the stay goes on in the same bed,
     * which must not have been given to someone else since.
     */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord cancelDischarge(long admissionId, long version, String reason) {
        String why = BedAllocation.required("reason", reason, 300, "say why the discharge is cancelled");
        Admission found = em.find(Admission.class, admissionId);
        if (found == null) {
            throw new org.asclepius.hms.shared.NotFoundException("Admission", admissionId);
        }
        Patient patient = beds.lockPatient(found.getPatient().getId());
        Admission admission = beds.lockVersion(Admission.class, admissionId, version, "The admission");
        if (admission.getStatus() != AdmissionStatus.DISCHARGED) {
            throw new DomainException("The patient has not been discharged ("
                    + admission.getStatus().name().toLowerCase(Locale.ROOT) + "); there is no discharge to cancel.");
        }
        Instant now = clock.instant();
        if (admission.getDischargedAt().plus(DISCHARGE_CANCEL_WINDOW).isBefore(now)) {
            throw new DomainException("The discharge was more than " + DISCHARGE_CANCEL_WINDOW.toHours()
                    + " hours ago; admit the patient again instead.");
        }
        beds.refuseIfAdmitted(patient);
        List<BedStay> stays = beds.stays(admission);
        BedStay last = stays.isEmpty() ? null : stays.get(0);
        if (last == null || !admission.getDischargedAt().equals(last.getEndedAt())) {
            throw new DomainException("The patient had no bed at the discharge; admit the patient again instead.");
        }
        beds.lockBeds(last.getBed().getId());
        Bed bed = last.getBed();
        if (bed.getStatus() != BedStatus.NEEDS_CLEANING && bed.getStatus() != BedStatus.FREE) {
            throw new DomainException("Bed " + bed.name() + " is " + BedService.label(bed.getStatus())
                    + " now; admit the patient again to a free bed instead.");
        }
        last.reopen();
        beds.occupy(bed, caller(), now);
        admission.undoDischarge();
        admission.touch(caller(), now);
        admission.getEncounter().resume();
        admission.getEncounter().touch(caller(), now);
        beds.record(admission, AdmissionEventKind.DISCHARGE_CANCELLED, caller(), now, bed, why);
        beds.fire(AdtTrigger.A13, admission.getEncounter());
        return AdmissionRecord.of(admission, bed);
    }

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Admission")
    public List<AdmissionRecord> forPatient(@PatientRef long patientId) {
        return em.createQuery("select a from Admission a join fetch a.patient join fetch a.encounter"
                        + " where a.patient.id = :p order by a.admittedAt desc", Admission.class)
                .setParameter("p", patientId).getResultStream()
                .map(a -> AdmissionRecord.of(a, beds.currentStay(a).map(BedStay::getBed).orElse(null))).toList();
    }

    /** An admission with its history: admitted, transfers, leave, discharge and cancellations, oldest first. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "Admission")
    public AdmissionHistory history(long admissionId) {
        Admission admission = em.find(Admission.class, admissionId);
        if (admission == null) {
            throw new org.asclepius.hms.shared.NotFoundException("Admission", admissionId);
        }
        List<AdmissionHistory.Step> steps = em.createQuery("select e from AdmissionEvent e"
                        + " where e.admission = :a order by e.occurredAt, e.id", AdmissionEvent.class)
                .setParameter("a", admission).getResultStream()
                .map(e -> new AdmissionHistory.Step(e.getKind(), e.getOccurredAt(), e.getUserName(), e.getBed(),
                        e.getDetail()))
                .toList();
        return new AdmissionHistory(AdmissionRecord.of(admission,
                beds.currentStay(admission).map(BedStay::getBed).orElse(null)), steps);
    }

    private Admission lockOpen(long id, long version) {
        Admission a = beds.lockVersion(Admission.class, id, version, "The admission");
        if (!a.getStatus().open()) {
            throw new DomainException("This admission has ended (" + a.getStatus().name().toLowerCase(Locale.ROOT)
                    + "); nothing can be moved or discharged any more.");
        }
        return a;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
