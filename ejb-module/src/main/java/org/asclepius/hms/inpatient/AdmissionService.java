package org.asclepius.hms.inpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Admission, transfer and discharge. A bed never holds two patients and a patient never holds two beds: the
 * patient row and the beds involved are locked (beds in id order) before anything is read, and the database's
 * unique "current" columns of bed_stay and admission refuse a second holder whatever happens above them. A
 * discharged or vacated bed waits for housekeeping ({@link BedService#release}).
 */
@Stateless
@Audited(resource = "Admission")
public class AdmissionService {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;
    @Inject
    Event<AdtEvent> adt;

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.CREATE, resource = "Admission")
    public AdmissionRecord admit(@PatientRef long patientId, long bedId, AdmissionSource source, String reason,
            String attending) {
        if (source == null) {
            throw InvalidInputException.of("source", "choose where the patient comes from");
        }
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw InvalidInputException.of("reason", "enter the reason for admission (at most 300 characters)");
        }
        Patient patient = em.find(Patient.class, patientId, LockModeType.PESSIMISTIC_WRITE);
        if (patient == null) {
            throw new NotFoundException("Patient", patientId);
        }
        if (patient.getMergedInto() != null) {
            throw InvalidInputException.of("patientId", "this record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; admit the surviving record");
        }
        Optional<Admission> open = openAdmission(patient.getId());
        if (open.isPresent()) {
            throw new DomainException("The patient is already admitted (since "
                    + TimeFormat.forUsers(open.get().getAdmittedAt()) + ", bed "
                    + currentStay(open.get()).map(s -> s.getBed().name()).orElse("none") + ").");
        }
        Bed bed = freeBed(bedId);
        checkWardRules(bed.getWard(), patient);
        Instant now = clock.instant();
        Encounter encounter = new Encounter(patient, EncounterKind.INPATIENT, bed.getWard().getDepartment(),
                blankToNull(attending), now);
        encounter.touch(caller(), now);
        em.persist(encounter);
        Admission admission = new Admission(encounter, source, reason.trim(), now);
        admission.touch(caller(), now);
        em.persist(admission);
        em.persist(new BedStay(admission, bed, now));
        bed.setStatus(BedStatus.OCCUPIED, null);
        bed.touch(caller(), now);
        em.flush();
        adt.fire(AdtEvent.of(AdtTrigger.A01, encounter));
        return AdmissionRecord.of(admission, bed);
    }

    /** Moves the admitted patient to another free bed; the bed left behind waits for cleaning. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord transfer(long admissionId, long version, long toBedId) {
        Admission admission = lockOpen(admissionId, version);
        BedStay stay = currentStay(admission).orElseThrow(() -> new DomainException("The patient has no bed."));
        if (stay.getBed().getId() == toBedId) {
            throw InvalidInputException.of("bedId", "the patient is already in bed " + stay.getBed().name());
        }
        // both beds locked in id order: two transfers crossing each other cannot deadlock
        long first = Math.min(stay.getBed().getId(), toBedId);
        long second = Math.max(stay.getBed().getId(), toBedId);
        em.find(Bed.class, first, LockModeType.PESSIMISTIC_WRITE);
        em.find(Bed.class, second, LockModeType.PESSIMISTIC_WRITE);
        Bed to = freeBed(toBedId);
        checkWardRules(to.getWard(), admission.getPatient());
        Instant now = clock.instant();
        vacate(stay, now);
        em.flush(); // the old stay gives up its "current" columns before the new one takes them
        em.persist(new BedStay(admission, to, now));
        to.setStatus(BedStatus.OCCUPIED, null);
        to.touch(caller(), now);
        admission.getEncounter().setDepartment(to.getWard().getDepartment());
        admission.touch(caller(), now);
        em.flush();
        adt.fire(AdtEvent.of(AdtTrigger.A02, admission.getEncounter()));
        return AdmissionRecord.of(admission, to);
    }

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Admission")
    public AdmissionRecord discharge(long admissionId, long version, String disposition) {
        if (disposition == null || disposition.isBlank() || disposition.length() > 30) {
            throw InvalidInputException.of("disposition", "choose the disposition (e.g. home, transferred, died)");
        }
        Admission admission = lockOpen(admissionId, version);
        Instant now = clock.instant();
        currentStay(admission).ifPresent(stay -> {
            em.find(Bed.class, stay.getBed().getId(), LockModeType.PESSIMISTIC_WRITE);
            vacate(stay, now);
        });
        admission.discharge(disposition.trim(), now);
        admission.touch(caller(), now);
        admission.getEncounter().end(now);
        admission.getEncounter().touch(caller(), now);
        em.flush();
        adt.fire(AdtEvent.of(AdtTrigger.A03, admission.getEncounter()));
        return AdmissionRecord.of(admission, null);
    }

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Admission")
    public List<AdmissionRecord> forPatient(@PatientRef long patientId) {
        return em.createQuery("select a from Admission a join fetch a.patient join fetch a.encounter"
                        + " where a.patient.id = :p order by a.admittedAt desc", Admission.class)
                .setParameter("p", patientId).getResultStream()
                .map(a -> AdmissionRecord.of(a, currentStay(a).map(BedStay::getBed).orElse(null))).toList();
    }

    Optional<Admission> openAdmission(long patientId) {
        return em.createQuery("select a from Admission a where a.patient.id = :p and a.status in :open",
                        Admission.class)
                .setParameter("p", patientId)
                .setParameter("open", List.of(AdmissionStatus.ADMITTED, AdmissionStatus.ON_LEAVE))
                .getResultStream().findFirst();
    }

    private Optional<BedStay> currentStay(Admission a) {
        return em.createQuery("select s from BedStay s join fetch s.bed"
                        + " where s.admission = :a and s.endedAt is null", BedStay.class)
                .setParameter("a", a).getResultStream().findFirst();
    }

    private void vacate(BedStay stay, Instant now) {
        stay.end(now);
        stay.getBed().setStatus(BedStatus.NEEDS_CLEANING, null);
        stay.getBed().touch(caller(), now);
    }

    private Bed freeBed(long bedId) {
        Bed bed = em.find(Bed.class, bedId, LockModeType.PESSIMISTIC_WRITE);
        if (bed == null) {
            throw InvalidInputException.of("bedId", "bed " + bedId + " does not exist");
        }
        if (bed.getStatus() != BedStatus.FREE) {
            throw InvalidInputException.of("bedId", "bed " + bed.name() + " is " + BedService.label(bed.getStatus())
                    + (bed.getNote() == null ? "" : " (" + bed.getNote() + ")") + "; choose a free bed");
        }
        if (!bed.getWard().isActive()) {
            throw InvalidInputException.of("bedId", "ward " + bed.getWard().getCode() + " is closed");
        }
        return bed;
    }

    private void checkWardRules(Ward ward, Patient patient) {
        if (ward.getSexRule() != null && patient.getSex() != ward.getSexRule()) {
            throw InvalidInputException.of("bedId", "ward " + ward.getCode() + " is for "
                    + ward.getSexRule().name().toLowerCase(java.util.Locale.ROOT) + " patients");
        }
        if ((ward.getMinAge() != null || ward.getMaxAge() != null) && patient.getBirthDate() != null) {
            int age = Period.between(patient.getBirthDate(), LocalDate.ofInstant(clock.instant(),
                    TimeFormat.hospitalZone())).getYears();
            if (ward.getMinAge() != null && age < ward.getMinAge()
                    || ward.getMaxAge() != null && age > ward.getMaxAge()) {
                throw InvalidInputException.of("bedId", "ward " + ward.getCode() + " takes patients aged "
                        + (ward.getMinAge() == null ? 0 : ward.getMinAge()) + " to "
                        + (ward.getMaxAge() == null ? "any age" : ward.getMaxAge()) + "; the patient is " + age);
            }
        }
    }

    private Admission lockOpen(long id, long version) {
        Admission a = em.find(Admission.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new NotFoundException("Admission", id);
        }
        if (a.getVersion() != version) {
            throw new ConcurrentUpdateException("The admission", a.getUpdatedBy(), a.getUpdatedAt());
        }
        if (!a.getStatus().open()) {
            throw new DomainException("This admission has ended (" + a.getStatus().name().toLowerCase(
                    java.util.Locale.ROOT) + "); nothing can be moved or discharged any more.");
        }
        return a;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
