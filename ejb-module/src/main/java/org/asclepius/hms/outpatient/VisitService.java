package org.asclepius.hms.outpatient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.encounter.AdtEvent;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.observation.News2;
import org.asclepius.hms.observation.Vitals;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientRepository;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.scheduling.Appointment;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.SchedulableResource;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Outpatient and emergency flow. A visit begins when a booked appointment of today is checked in, a patient walks
 * in, or arrives at the emergency department (known, or registered on the spot as unidentified); it is triaged
 * (observations, NEWS2, chief complaint, acuity), called in for the consultation, finished by the physician and
 * checked out — or cancelled when it was begun in error. Every stage is kept with who and when. Each beginning
 * sends ADT A04, a triage A08, the check-out A03 and a cancel A11, in the transaction of the change.
 * A patient has at most one open visit per department: the patient row is locked before the check.
 */
@Stateless
@Audited(resource = "Visit")
public class VisitService {
    /** Everyone who works a queue: the front desk, nurses, physicians, the admin. */
    private static final String[] QUEUE_STAFF = {Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN};
    private static final int TEXT_MAX = 300;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;
    @Inject
    Event<AdtEvent> adt;
    @Inject
    AppointmentService appointments;
    @Inject
    PatientService patients;
    @Inject
    org.asclepius.hms.clinical.vitals.VitalSignService vitalSigns;
    @Inject
    PatientRepository patientRows;
    @Inject
    @ConfigProperty(name = "hms.emergency.department", defaultValue = "Emergency")
    String emergencyDepartment;

    /**
     * Checks in a booked appointment of today (the appointment becomes CHECKED_IN through the scheduling service)
     * and begins an outpatient visit in the department of the appointment's provider.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Visit")
    public VisitRecord checkIn(long appointmentId) {
        Appointment booked = em.find(Appointment.class, appointmentId);
        if (booked == null) {
            throw new NotFoundException("Appointment", appointmentId);
        }
        Patient patient = lockPatient(booked.getPatient().getId());
        em.refresh(booked);
        visitOf(booked).ifPresent(v -> {
            throw new DomainException("This appointment was checked in already (at "
                    + TimeFormat.forUsers(v.getArrivedAt()) + ").");
        });
        String department = departmentOf(booked);
        refuseOpenVisit(patient, department);
        appointments.checkIn(booked.getId(), booked.getVersion());
        return begin(patient, EncounterKind.OUTPATIENT, department, null, booked);
    }

    /** A patient without an appointment: an outpatient visit in the department, with the reason they came. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Visit")
    public VisitRecord walkIn(@PatientRef long patientId, String department, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        String dept = text(errors, "department", department, 80, "choose the department");
        String why = text(errors, "reason", reason, TEXT_MAX, "enter the reason for the visit");
        refuseIfAny(errors);
        Patient patient = lockPatient(patientId);
        refuseOpenVisit(patient, dept);
        return begin(patient, EncounterKind.OUTPATIENT, dept, why, null);
    }

    /** A known patient arrives at the emergency department: an emergency visit, waiting for triage. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Visit")
    public VisitRecord emergencyArrival(@PatientRef long patientId, String complaint) {
        String why = arrivalComplaint(complaint);
        Patient patient = lockPatient(patientId);
        refuseOpenVisit(patient, emergencyDepartment);
        return begin(patient, EncounterKind.EMERGENCY, emergencyDepartment, why, null);
    }

    /**
     * A patient who cannot be identified arrives: registered through the patient index's quick registration
     * (sex as seen, estimated age; merged into the real identity later) and given an emergency visit.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.CREATE, resource = "Visit")
    public VisitRecord emergencyArrivalUnidentified(UnidentifiedPatientData data, String complaint) {
        String why = arrivalComplaint(complaint);
        PatientRecord registered = patients.registerUnidentified(data);
        Patient patient = lockPatient(registered.id());
        return begin(patient, EncounterKind.EMERGENCY, emergencyDepartment, why, null);
    }

    /**
     * Triage by a nurse: the observations (NEWS2 is computed and stored), the chief complaint and the acuity
     * (ESI 1–5; required for emergency visits). An arrived visit moves to waiting; a visit already waiting or in
     * consultation keeps its stage (observations taken again).
     */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Visit")
    public VisitRecord triage(long visitId, long version, Vitals vitals, String chiefComplaint, Integer acuity) {
        Visit visit = lock(visitId, version);
        if (!visit.getStage().open() || visit.getStage() == VisitStage.SEEN) {
            throw new DomainException(wrongStage(visit, "triaged"));
        }
        Map<String, String> errors = new LinkedHashMap<>(News2.check(vitals));
        String complaint = text(errors, "chiefComplaint", chiefComplaint, TEXT_MAX, "enter the chief complaint");
        boolean emergency = visit.getEncounter().getKind() == EncounterKind.EMERGENCY;
        if (acuity == null && emergency) {
            errors.put("acuity", "choose the acuity (ESI 1 most urgent to 5)");
        } else if (acuity != null && (acuity < 1 || acuity > 5)) {
            errors.put("acuity", "ESI is from 1 (most urgent) to 5");
        }
        refuseIfAny(errors);
        News2.Result score = News2.score(vitals);
        Instant now = clock.instant();
        boolean first = visit.getTriagedAt() == null;
        visit.triage(vitals, score, complaint, acuity, caller(), now);
        vitalSigns.recordAtTriage(visit.getEncounter().getId(), vitals, now);
        String note = "NEWS2 " + score.total() + " (" + score.risk().label().toLowerCase(Locale.ROOT) + ")"
                + (acuity == null ? "" : ", ESI " + acuity) + (first ? "" : ", observations taken again");
        if (visit.getStage() == VisitStage.ARRIVED) {
            visit.moveTo(VisitStage.WAITING, now);
        }
        return changed(visit, note, AdtTrigger.A08);
    }

    /** The physician calls the patient in. Emergency visits are triaged first. */
    @RolesAllowed({Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Visit")
    public VisitRecord startConsultation(long visitId, long version) {
        Visit visit = lock(visitId, version);
        if (visit.getStage() != VisitStage.ARRIVED && visit.getStage() != VisitStage.WAITING) {
            throw new DomainException(wrongStage(visit, "called in"));
        }
        if (visit.getEncounter().getKind() == EncounterKind.EMERGENCY && visit.getAcuity() == null) {
            throw new DomainException("Triage this emergency patient (acuity and observations) before calling"
                    + " them in.");
        }
        visit.getEncounter().setAttending(caller());
        visit.moveTo(VisitStage.IN_CONSULTATION, clock.instant());
        return changed(visit, null, null);
    }

    /** The physician has finished: the patient waits to be checked out. */
    @RolesAllowed({Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Visit")
    public VisitRecord finish(long visitId, long version) {
        Visit visit = lock(visitId, version);
        if (visit.getStage() != VisitStage.IN_CONSULTATION) {
            throw new DomainException(wrongStage(visit, "finished"));
        }
        visit.moveTo(VisitStage.SEEN, clock.instant());
        return changed(visit, null, null);
    }

    /** The patient leaves after being seen: the encounter is finished. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Visit")
    public VisitRecord checkOut(long visitId, long version) {
        Visit visit = lock(visitId, version);
        if (visit.getStage() == VisitStage.ARRIVED || visit.getStage() == VisitStage.WAITING) {
            throw new DomainException("The patient has not been seen yet (" + visit.getStage().label()
                    .toLowerCase(Locale.ROOT) + "); call them in first, or cancel the visit if it was begun in"
                    + " error.");
        }
        if (!visit.getStage().open()) {
            throw new DomainException(wrongStage(visit, "checked out"));
        }
        Instant now = clock.instant();
        visit.moveTo(VisitStage.CHECKED_OUT, now);
        visit.getEncounter().end(now);
        visit.getEncounter().touch(caller(), now);
        return changed(visit, null, AdtTrigger.A03);
    }

    /** A visit begun in error (wrong patient, wrong department): cancelled with the reason. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.UPDATE, resource = "Visit")
    public VisitRecord cancel(long visitId, long version, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(errors, "reason", reason, TEXT_MAX, "say why the visit is cancelled");
        refuseIfAny(errors);
        Visit visit = lock(visitId, version);
        if (!visit.getStage().open()) {
            throw new DomainException(wrongStage(visit, "cancelled"));
        }
        Instant now = clock.instant();
        visit.cancel(why, now);
        visit.getEncounter().cancel(now);
        visit.getEncounter().touch(caller(), now);
        return changed(visit, why, AdtTrigger.A11);
    }

    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "Visit")
    public VisitRecord get(long visitId) {
        return VisitRecord.of(find(visitId), clock.instant());
    }

    /** The visit and its stages, oldest first, with the waiting times they give. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "Visit")
    public VisitHistory history(long visitId) {
        Visit visit = find(visitId);
        return new VisitHistory(VisitRecord.of(visit, clock.instant()), em.createQuery(
                        "select c from VisitStageChange c where c.visit = :v order by c.changedAt, c.id",
                        VisitStageChange.class)
                .setParameter("v", visit).getResultStream().map(StageChangeRecord::of).toList());
    }

    /** The open visits of a department in queue order ({@link VisitRecord#QUEUE_ORDER}). */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "Visit")
    public List<VisitRecord> queue(String department) {
        if (department == null || department.isBlank()) {
            throw InvalidInputException.of("department", "choose the department");
        }
        Instant now = clock.instant();
        // one query for the visits, their encounters, patients and appointments
        EntityGraph<Visit> graph = em.createEntityGraph(Visit.class);
        graph.addSubgraph("encounter").addAttributeNodes("patient");
        graph.addAttributeNodes("appointment");
        return em.createQuery("select v from Visit v where v.encounter.department = :d and v.stage in :open",
                        Visit.class)
                .setParameter("d", department.trim()).setParameter("open", VisitStage.openStages())
                .setHint("jakarta.persistence.fetchgraph", graph)
                .getResultStream().map(v -> VisitRecord.of(v, now)).sorted(VisitRecord.QUEUE_ORDER).toList();
    }

    /**
     * A fingerprint of a department's queue (which visits are open, at which version) without any patient data:
     * a board polls it and reads the queue again only when it changed.
     */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "Visit")
    public String queueStamp(String department) {
        if (department == null || department.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        em.createQuery("select v.id, v.version from Visit v join v.encounter e where e.department = :d"
                        + " and v.stage in :open order by v.id", Object[].class)
                .setParameter("d", department.trim()).setParameter("open", VisitStage.openStages())
                .getResultStream().forEach(r -> sb.append(r[0]).append('.').append(r[1]).append(';'));
        return Integer.toHexString(sb.toString().hashCode()) + ":" + sb.length();
    }

    /** The departments a queue can be shown for: the emergency department, those with resources or open visits. */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.SEARCH, resource = "Visit")
    public List<String> departments() {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.add(emergencyDepartment);
        all.addAll(em.createQuery("select distinct r.department from SchedulableResource r", String.class)
                .getResultList());
        all.addAll(em.createQuery("select distinct e.department from Visit v join v.encounter e"
                + " where v.stage in :open", String.class).setParameter("open", VisitStage.openStages())
                .getResultList());
        return new ArrayList<>(all);
    }

    /** The department whose queue emergency arrivals join ({@code hms.emergency.department}). */
    @RolesAllowed({Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN})
    @Audited(action = AuditAction.READ, resource = "Visit")
    public String emergencyDepartment() {
        return emergencyDepartment;
    }

    // ---- inside ----

    private VisitRecord begin(Patient patient, EncounterKind kind, String department, String complaint,
            Appointment appointment) {
        Instant now = clock.instant();
        Encounter encounter = new Encounter(patient, kind, department, null, now);
        encounter.touch(caller(), now);
        em.persist(encounter);
        Visit visit = new Visit(encounter, appointment, complaint, now);
        String how = appointment != null ? "checked in for the appointment at "
                + TimeFormat.forUsers(appointment.getStartsAt()) : kind == EncounterKind.EMERGENCY
                ? "arrived at the emergency department" : "walked in";
        visit.touch(caller(), now);
        em.persist(visit);
        return changed(visit, how, AdtTrigger.A04);
    }

    /** Records the visit's stage in its history, flushes, tells other systems, and returns the visit as now. */
    private VisitRecord changed(Visit visit, String note, AdtTrigger trigger) {
        Instant now = clock.instant();
        visit.touch(caller(), now);
        em.persist(new VisitStageChange(visit, caller(), now, note));
        em.flush();
        if (trigger != null) {
            adt.fire(AdtEvent.of(trigger, visit.getEncounter()));
        }
        return VisitRecord.of(visit, now);
    }

    private Patient lockPatient(long patientId) {
        Patient patient = patientRows.lock(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
        if (patient.getMergedInto() != null) {
            throw InvalidInputException.of("patientId", "this record was merged into MRN "
                    + patient.getMergedInto().getMrn() + "; use the surviving record");
        }
        return patient;
    }

    private void refuseOpenVisit(Patient patient, String department) {
        em.createQuery("select v from Visit v join v.encounter e where e.patient = :p and e.department = :d"
                        + " and v.stage in :open", Visit.class)
                .setParameter("p", patient).setParameter("d", department)
                .setParameter("open", VisitStage.openStages()).getResultStream().findFirst()
                .ifPresent(open -> {
                    throw new DomainException("The patient already has an open visit in " + department
                            + " (arrived " + TimeFormat.forUsers(open.getArrivedAt()) + ", "
                            + open.getStage().label().toLowerCase(Locale.ROOT)
                            + "); check it out or cancel it first.");
                });
    }

    private Optional<Visit> visitOf(Appointment appointment) {
        return em.createQuery("select v from Visit v where v.appointment = :a", Visit.class)
                .setParameter("a", appointment).getResultStream().findFirst();
    }

    /** The department of the appointment's provider (else of any of its resources). */
    private static String departmentOf(Appointment a) {
        return a.getResources().stream()
                .sorted(java.util.Comparator.comparing((SchedulableResource r) -> r.getKind() != ResourceKind.PROVIDER)
                        .thenComparing(SchedulableResource::getId))
                .map(SchedulableResource::getDepartment).findFirst()
                .orElseThrow(() -> new DomainException("The appointment has no resource, so no department."));
    }

    private Visit find(long visitId) {
        Visit visit = em.find(Visit.class, visitId);
        if (visit == null) {
            throw new NotFoundException("Visit", visitId);
        }
        return visit;
    }

    private Visit lock(long visitId, long version) {
        Visit visit = em.find(Visit.class, visitId, LockModeType.PESSIMISTIC_WRITE);
        if (visit == null) {
            throw new NotFoundException("Visit", visitId);
        }
        if (visit.getVersion() != version) {
            throw new ConcurrentUpdateException("The visit", visit.getUpdatedBy(), visit.getUpdatedAt());
        }
        return visit;
    }

    private static String wrongStage(Visit visit, String action) {
        VisitStage s = visit.getStage();
        String when = " (" + TimeFormat.forUsers(visit.getStageChangedAt()) + ")";
        return switch (s) {
            case CHECKED_OUT -> "This visit was checked out" + when + "; it cannot be " + action + " any more.";
            case CANCELLED -> "This visit was cancelled" + when + "; it cannot be " + action + ".";
            default -> "A visit that is " + s.label().toLowerCase(Locale.ROOT) + " cannot be " + action + ".";
        };
    }

    /** Trimmed text, or a field error when it is blank, too long or carries markup. */
    private static String text(Map<String, String> errors, String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            errors.put(field, missing);
            return null;
        }
        String t = value.trim();
        if (t.length() > max) {
            errors.put(field, "at most " + max + " characters");
        } else if (t.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
            errors.put(field, "must not contain < or > or control characters");
        }
        return t;
    }

    private static String arrivalComplaint(String complaint) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(errors, "complaint", complaint, TEXT_MAX, "enter what the patient comes with");
        refuseIfAny(errors);
        return why;
    }

    private static void refuseIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
