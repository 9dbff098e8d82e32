package org.asclepius.hms.inpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Admission requests and the bed manager's worklist. A clinician asks for a bed (from emergency, a clinic, or
 * directly); an elective case is pre-admitted ahead of its date with a PLANNED encounter (ADT A05) and perhaps a
 * reserved bed. The bed manager (a nurse or an admin) works the list in priority order: reserves a bed, admits the
 * patient to a bed (ADT A01, the request fulfilled) or cancels the request with a reason.
 */
@Stateless
@Audited(resource = "AdmissionRequest")
public class AdmissionRequestService {
    /** How far ahead an elective admission can be planned. */
    static final int PLANNING_HORIZON_DAYS = 365;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;
    @Inject
    BedAllocation beds;

    /** A clinician asks for a bed for a patient who needs admitting now. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "AdmissionRequest")
    public AdmissionRequestRecord request(@PatientRef long patientId, AdmissionRequestData data) {
        if (data.plannedFor() != null || data.reserveBedId() != null) {
            throw InvalidInputException.of("plannedFor", "a planned date or a reserved bed makes this a"
                    + " pre-admission; use pre-admit");
        }
        return AdmissionRequestRecord.of(open(patientId, data, false));
    }

    /**
     * An elective admission planned ahead: the request, a PLANNED inpatient encounter other systems hear about
     * (ADT A05), and a reserved bed if one is given.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.CREATE, resource = "AdmissionRequest")
    public AdmissionRequestRecord preAdmit(@PatientRef long patientId, AdmissionRequestData data) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeFormat.hospitalZone());
        if (data.plannedFor() == null || data.plannedFor().isBefore(today)
                || data.plannedFor().isAfter(today.plusDays(PLANNING_HORIZON_DAYS))) {
            throw InvalidInputException.of("plannedFor", "choose the planned date, from today to "
                    + PLANNING_HORIZON_DAYS + " days ahead");
        }
        if (data.wardId() == null) {
            throw InvalidInputException.of("wardId", "choose the ward the patient is planned for");
        }
        AdmissionRequest request = open(patientId, data, true);
        Instant plannedStart = data.plannedFor().atTime(LocalTime.of(8, 0)).atZone(TimeFormat.hospitalZone())
                .toInstant();
        Encounter planned = new Encounter(request.getPatient(), EncounterKind.INPATIENT,
                request.getWard().getDepartment(), request.getAttending(), plannedStart);
        planned.setStatus(EncounterStatus.PLANNED);
        planned.touch(caller(), clock.instant());
        em.persist(planned);
        request.plan(planned);
        if (data.reserveBedId() != null) {
            reserveFor(request, data.reserveBedId());
        }
        beds.fire(AdtTrigger.A05, planned);
        return AdmissionRequestRecord.of(request);
    }

    /** The bed manager holds a bed for a waiting request (a bed held before is freed). */
    @RolesAllowed({Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "AdmissionRequest")
    public AdmissionRequestRecord reserve(long requestId, long version, long bedId) {
        AdmissionRequest request = lockWaiting(requestId, version);
        reserveFor(request, bedId);
        request.touch(caller(), clock.instant());
        em.flush();
        return AdmissionRequestRecord.of(request);
    }

    /** The bed manager admits the patient to a bed (the reserved one, or any free bed): the request is fulfilled. */
    @RolesAllowed({Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Admission")
    public AdmissionRecord fulfil(long requestId, long version, long bedId) {
        AdmissionRequest found = em.find(AdmissionRequest.class, requestId);
        if (found == null) {
            throw new NotFoundException("AdmissionRequest", requestId);
        }
        Patient patient = beds.lockPatient(found.getPatient().getId());
        AdmissionRequest request = lockWaiting(requestId, version);
        beds.refuseIfAdmitted(patient);
        Bed reserved = request.getReservedBed();
        if (reserved != null && reserved.getId() != bedId) {
            beds.lockBeds(reserved.getId(), bedId);
        }
        Bed bed = beds.takeableBed(bedId, patient, request);
        String user = caller();
        if (reserved != null && reserved.getId() != bedId) {
            beds.leaveBed(reserved, BedStatus.FREE, user, clock.instant());
        }
        Admission admission = beds.admitInto(patient, bed, request.getSource(), request.getReason(),
                request.getAttending(), request, user);
        request.fulfil(admission);
        request.touch(user, clock.instant());
        em.flush();
        return AdmissionRecord.of(admission, bed);
    }

    /** The request will not be fulfilled (the patient went elsewhere, the operation was called off…). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.UPDATE, resource = "AdmissionRequest")
    public AdmissionRequestRecord cancel(long requestId, long version, String reason) {
        String why = BedAllocation.required("reason", reason, 300, "say why the request is cancelled");
        AdmissionRequest request = lockWaiting(requestId, version);
        Instant now = clock.instant();
        Bed reserved = request.getReservedBed();
        if (reserved != null) {
            beds.lockBeds(reserved.getId());
            beds.leaveBed(reserved, BedStatus.FREE, caller(), now);
        }
        if (request.getEncounter() != null) {
            request.getEncounter().cancel(now);
            request.getEncounter().touch(caller(), now);
        }
        request.cancel(why);
        request.touch(caller(), now);
        em.flush();
        return AdmissionRequestRecord.of(request);
    }

    /** The bed manager's worklist: waiting requests, most urgent first, then planned date, then oldest. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "AdmissionRequest")
    public List<AdmissionRequestRecord> waiting() {
        return em.createQuery("select r from AdmissionRequest r join fetch r.patient left join fetch r.ward"
                        + " left join fetch r.reservedBed left join fetch r.encounter"
                        + " where r.status = :waiting order by case r.priority when :emergency then 0"
                        + " when :urgent then 1 else 2 end, r.plannedFor nulls first, r.createdAt",
                        AdmissionRequest.class)
                .setParameter("waiting", AdmissionRequestStatus.WAITING)
                .setParameter("emergency", AdmissionPriority.EMERGENCY)
                .setParameter("urgent", AdmissionPriority.URGENT).getResultStream()
                .map(AdmissionRequestRecord::of).toList();
    }

    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "AdmissionRequest")
    public List<AdmissionRequestRecord> forPatient(@PatientRef long patientId) {
        return em.createQuery("select r from AdmissionRequest r join fetch r.patient left join fetch r.ward"
                        + " where r.patient.id = :p order by r.createdAt desc", AdmissionRequest.class)
                .setParameter("p", patientId).getResultStream().map(AdmissionRequestRecord::of).toList();
    }

    /** Free beds in open wards, optionally of one ward and one kind, by ward, room and label. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Bed")
    public List<BedChoice> freeBeds(Long wardId, BedKind kind) {
        return em.createQuery("select new org.asclepius.hms.inpatient.BedChoice(b.id, concat(w.code, ' ', b.room,"
                        + " '-', b.label), w.id, w.code, w.department, b.kind) from Bed b join b.ward w"
                        + " where b.status = :free and w.active = true and (:ward is null or w.id = :ward)"
                        + " and (:kind is null or b.kind = :kind) order by w.code, b.room, b.label", BedChoice.class)
                .setParameter("free", BedStatus.FREE).setParameter("ward", wardId).setParameter("kind", kind)
                .getResultList();
    }

    /** Open wards, by code. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN, Roles.RECEPTIONIST})
    @Audited(action = AuditAction.READ, resource = "Ward")
    public List<WardChoice> openWards() {
        return em.createQuery("select new org.asclepius.hms.inpatient.WardChoice(w.id, w.code, w.name, w.department)"
                + " from Ward w where w.active = true order by w.code", WardChoice.class).getResultList();
    }

    /** The beds the bed manager can give a waiting request: free ones of the ward and kind it asks for, if any. */
    @RolesAllowed({Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "Bed")
    public List<BedChoice> bedsFor(long requestId) {
        AdmissionRequest r = em.find(AdmissionRequest.class, requestId);
        if (r == null) {
            throw new NotFoundException("AdmissionRequest", requestId);
        }
        List<BedChoice> choices = new java.util.ArrayList<>();
        Bed held = r.getReservedBed();
        if (held != null) {
            choices.add(new BedChoice(held.getId(), held.name() + " (reserved)", held.getWard().getId(),
                    held.getWard().getCode(), held.getWard().getDepartment(), held.getKind()));
        }
        choices.addAll(freeBeds(r.getWard() == null ? null : r.getWard().getId(), r.getBedKind()));
        return choices;
    }

    private AdmissionRequest open(long patientId, AdmissionRequestData data, boolean elective) {
        if (data == null || data.source() == null) {
            throw InvalidInputException.of("source", "choose where the patient comes from");
        }
        if (elective != (data.source() == AdmissionSource.ELECTIVE)) {
            throw InvalidInputException.of("source", elective ? "a pre-admission is elective"
                    : "an elective admission is planned ahead: use pre-admit");
        }
        if (data.priority() == null) {
            throw InvalidInputException.of("priority", "choose how soon the patient needs a bed");
        }
        String why = BedAllocation.required("reason", data.reason(), 300, "enter the reason for admission");
        String doctor = BedAllocation.optional("attending", data.attending(), 100);
        Ward ward = null;
        if (data.wardId() != null) {
            ward = em.find(Ward.class, data.wardId());
            if (ward == null || !ward.isActive()) {
                throw InvalidInputException.of("wardId", "choose an open ward");
            }
        }
        Patient patient = beds.lockPatient(patientId);
        beds.refuseIfAdmitted(patient);
        List<AdmissionRequest> waiting = em.createQuery("select r from AdmissionRequest r where r.patient = :p"
                        + " and r.status = :waiting", AdmissionRequest.class)
                .setParameter("p", patient).setParameter("waiting", AdmissionRequestStatus.WAITING).getResultList();
        if (!waiting.isEmpty()) {
            throw new DomainException("The patient already has a request waiting for a bed (made "
                    + TimeFormat.forUsers(waiting.get(0).getCreatedAt()) + " by " + waiting.get(0).getCreatedBy()
                    + "); change or cancel that one.");
        }
        if (ward != null) {
            beds.checkWardRules(ward, patient);
        }
        AdmissionRequest request = new AdmissionRequest(patient, data.source(), data.priority(), why, ward,
                data.bedKind(), doctor, data.plannedFor());
        request.touch(caller(), clock.instant());
        em.persist(request);
        return request;
    }

    private void reserveFor(AdmissionRequest request, long bedId) {
        Bed before = request.getReservedBed();
        if (before != null && before.getId() == bedId) {
            return;
        }
        if (before != null) {
            beds.lockBeds(before.getId(), bedId);
        }
        Bed bed = beds.takeableBed(bedId, request.getPatient(), null);
        Instant now = clock.instant();
        if (before != null) {
            beds.leaveBed(before, BedStatus.FREE, caller(), now);
        }
        bed.setStatus(BedStatus.RESERVED, "held for admission request " + request.getId());
        bed.touch(caller(), now);
        request.reserve(bed);
    }

    private AdmissionRequest lockWaiting(long id, long version) {
        AdmissionRequest r = beds.lockVersion(AdmissionRequest.class, id, version, "The admission request");
        if (r.getStatus() != AdmissionRequestStatus.WAITING) {
            throw new DomainException("This request is no longer waiting ("
                    + r.getStatus().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        return r;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
