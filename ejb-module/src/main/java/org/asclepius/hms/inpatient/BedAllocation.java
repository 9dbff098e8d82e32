package org.asclepius.hms.inpatient;

import jakarta.enterprise.context.Dependent;
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
import java.util.Locale;
import java.util.Optional;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.TimeFormat;

/**
 * The bed rules admissions and admission requests share: which patient may lie in which bed, locking in a fixed
 * order (the patient row first, then beds by id), and the current stay of an admission. Runs inside the calling
 * service's transaction.
 */
@Dependent
class BedAllocation {
    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Event<AdtEvent> adt;

    /**
     * Admits a locked, not yet admitted patient to a bed taken with {@link #takeableBed}: the INPATIENT encounter
     * (a planned one begins), the admission, the stay, the occupied bed, its history and the ADT A01.
     */
    Admission admitInto(Patient patient, Bed bed, AdmissionSource source, String reason, String attending,
            AdmissionRequest request, String user) {
        Instant now = clock.instant();
        Encounter encounter = request == null ? null : request.getEncounter();
        if (encounter == null) {
            encounter = new Encounter(patient, EncounterKind.INPATIENT, bed.getWard().getDepartment(), attending, now);
            encounter.touch(user, now);
            em.persist(encounter);
        } else {
            encounter.begin(now);
            encounter.setDepartment(bed.getWard().getDepartment());
            encounter.touch(user, now);
        }
        Admission admission = new Admission(encounter, source, reason, now);
        if (request != null) {
            admission.fulfils(request);
        }
        admission.touch(user, now);
        em.persist(admission);
        em.persist(new BedStay(admission, bed, now));
        occupy(bed, user, now);
        record(admission, AdmissionEventKind.ADMITTED, user, now, bed, null);
        em.flush();
        adt.fire(AdtEvent.of(AdtTrigger.A01, encounter));
        return admission;
    }

    void fire(AdtTrigger trigger, Encounter encounter) {
        em.flush();
        adt.fire(AdtEvent.of(trigger, encounter));
    }

    /** Locks the patient row: everything about one patient's beds happens one at a time. */
    Patient lockPatient(long patientId) {
        Patient patient = em.find(Patient.class, patientId, LockModeType.PESSIMISTIC_WRITE);
        if (patient == null) {
            throw new NotFoundException("Patient", patientId);
        }
        if (patient.getMergedInto() != null) {
            throw InvalidInputException.of("patientId", "this record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; use the surviving record");
        }
        return patient;
    }

    void refuseIfAdmitted(Patient patient) {
        Optional<Admission> open = openAdmission(patient.getId());
        if (open.isPresent()) {
            throw new DomainException("The patient is already admitted (since "
                    + TimeFormat.forUsers(open.get().getAdmittedAt()) + ", bed "
                    + currentStay(open.get()).map(s -> s.getBed().name()).orElse("none") + ").");
        }
    }

    /** Locks beds in id order, so two movements crossing each other cannot deadlock. */
    void lockBeds(long... bedIds) {
        java.util.Arrays.stream(bedIds).sorted().distinct()
                .forEach(id -> em.find(Bed.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A bed the patient may take now: free, or reserved for the request being fulfilled; in an open ward whose
     * sex and age rules the patient meets. Locks it.
     */
    Bed takeableBed(long bedId, Patient patient, AdmissionRequest fulfilling) {
        Bed bed = em.find(Bed.class, bedId, LockModeType.PESSIMISTIC_WRITE);
        if (bed == null) {
            throw InvalidInputException.of("bedId", "bed " + bedId + " does not exist");
        }
        boolean reservedForThis = bed.getStatus() == BedStatus.RESERVED && fulfilling != null
                && fulfilling.getReservedBed() != null && fulfilling.getReservedBed().getId() == bedId;
        if (bed.getStatus() != BedStatus.FREE && !reservedForThis) {
            throw InvalidInputException.of("bedId", "bed " + bed.name() + " is " + BedService.label(bed.getStatus())
                    + (bed.getNote() == null ? "" : " (" + bed.getNote() + ")") + "; choose a free bed");
        }
        if (!bed.getWard().isActive()) {
            throw InvalidInputException.of("bedId", "ward " + bed.getWard().getCode() + " is closed");
        }
        checkWardRules(bed.getWard(), patient);
        return bed;
    }

    void checkWardRules(Ward ward, Patient patient) {
        if (ward.getSexRule() != null && patient.getSex() != ward.getSexRule()) {
            throw InvalidInputException.of("bedId", "ward " + ward.getCode() + " is for "
                    + ward.getSexRule().name().toLowerCase(Locale.ROOT) + " patients");
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

    Optional<Admission> openAdmission(long patientId) {
        return em.createQuery("select a from Admission a where a.patient.id = :p and a.status in :open",
                        Admission.class)
                .setParameter("p", patientId)
                .setParameter("open", List.of(AdmissionStatus.ADMITTED, AdmissionStatus.ON_LEAVE))
                .getResultStream().findFirst();
    }

    Optional<BedStay> currentStay(Admission a) {
        return em.createQuery("select s from BedStay s join fetch s.bed"
                        + " where s.admission = :a and s.endedAt is null", BedStay.class)
                .setParameter("a", a).getResultStream().findFirst();
    }

    /** The stays of an admission that counted (not entered in error), newest first. */
    List<BedStay> stays(Admission a) {
        return em.createQuery("select s from BedStay s join fetch s.bed"
                        + " where s.admission = :a and s.cancelled = false order by s.startedAt desc, s.id desc",
                        BedStay.class)
                .setParameter("a", a).getResultList();
    }

    /** Locks a request or an admission and checks the version the caller saw. */
    <T extends org.asclepius.hms.shared.TrackedEntity> T lockVersion(Class<T> type, long id, long version,
            String what) {
        T entity = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw new NotFoundException(type.getSimpleName(), id);
        }
        if (entity.getVersion() != version) {
            throw new ConcurrentUpdateException(what, entity.getUpdatedBy(), entity.getUpdatedAt());
        }
        return entity;
    }

    void occupy(Bed bed, String user, Instant now) {
        bed.setStatus(BedStatus.OCCUPIED, null);
        bed.touch(user, now);
    }

    void leaveBed(Bed bed, BedStatus after, String user, Instant now) {
        bed.setStatus(after, null);
        bed.touch(user, now);
    }

    void record(Admission admission, AdmissionEventKind kind, String user, Instant at, Bed bed, String detail) {
        em.persist(new AdmissionEvent(admission, kind, at, user, bed == null ? null : bed.name(), detail));
    }

    static String required(String field, String value, int max, String message) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw InvalidInputException.of(field, message + " (at most " + max + " characters)");
        }
        return value.trim();
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().length() > max) {
            throw InvalidInputException.of(field, "at most " + max + " characters");
        }
        return value.trim();
    }
}
