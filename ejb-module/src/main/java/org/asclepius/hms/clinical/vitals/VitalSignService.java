package org.asclepius.hms.clinical.vitals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.Audited;
import org.asclepius.hms.audit.PatientRef;
import org.asclepius.hms.clinical.ClinicalContext;
import org.asclepius.hms.clinical.access.ClinicalAccess;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.FieldErrors;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.PatientItems;
import org.asclepius.hms.shared.PatientPage;
import org.asclepius.hms.shared.Roles;

/**
 * Vital signs: recorded as a set in an encounter (each value checked against its plausible range, BMI derived),
 * read as the latest of each, as a trend over time, per encounter; a mistaken value is marked entered in error
 * with a reason and kept. Every read checks the caller's access to the patient's chart.
 */
@Stateless
@Audited(resource = "Observation")
public class VitalSignService {
    /** How far ahead of the server's clock a time taken may be (clocks of devices drift a little). */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;
    @Inject
    ClinicalContext context;
    @Inject
    ClinicalAccess access;
    @Inject
    ObservationRepository repository;

    /** Records a set of vital signs; every implausible value is refused beside its field and nothing is kept. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.CREATE, resource = "Observation")
    public PatientItems<ObservationRecord> record(@PatientRef long patientId, VitalSignsEntry entry) {
        access.require(patientId);
        Instant now = context.now();
        FieldErrors errors = new FieldErrors();
        if (entry == null) {
            errors.add("temperature", "enter at least one vital sign");
            errors.refuseIfAny();
        }
        Instant taken = entry.takenAt() == null ? now : entry.takenAt();
        if (taken.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add("takenAt", "cannot be in the future");
        }
        List<Observation> set = new ArrayList<>();
        Patient patient = context.writable(patientId);
        Encounter encounter = context.encounter(patient, entry.encounterId());
        if (taken.isBefore(encounter.getStartedAt().minus(Duration.ofDays(1)))) {
            errors.add("takenAt", "is before this encounter began");
        }
        add(set, errors, patient, encounter, taken, VitalSign.TEMPERATURE, "temperature", entry.temperature());
        add(set, errors, patient, encounter, taken, VitalSign.PULSE, "pulse", number(entry.pulse()));
        add(set, errors, patient, encounter, taken, VitalSign.RESPIRATION, "respiration", number(entry.respiration()));
        bloodPressure(set, errors, patient, encounter, taken, entry);
        add(set, errors, patient, encounter, taken, VitalSign.SPO2, "spo2", number(entry.spo2()));
        add(set, errors, patient, encounter, taken, VitalSign.WEIGHT, "weight", entry.weight());
        add(set, errors, patient, encounter, taken, VitalSign.HEIGHT, "height", entry.height());
        add(set, errors, patient, encounter, taken, VitalSign.PAIN, "pain", number(entry.pain()));
        if (set.isEmpty() && !errors.has("takenAt")) {
            errors.add("temperature", "enter at least one vital sign");
        }
        errors.refuseIfAny();
        bmi(set, patient, encounter, taken);
        return new PatientItems<>(patientId, persist(set, now));
    }

    /**
     * The observations of a triage (already checked and scored by the visit service) go into the chart of the
     * visit's encounter, as one set: the nurse triaging the visit records them there without a separate chart check.
     * Only the visit service calls this, inside the triage's transaction.
     */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.CREATE, resource = "Observation")
    public PatientItems<ObservationRecord> recordAtTriage(long encounterId, org.asclepius.hms.observation.Vitals v,
                                                          Instant at) {
        Encounter encounter = em.find(Encounter.class, encounterId);
        if (encounter == null) {
            throw new NotFoundException("Encounter", encounterId);
        }
        if (!encounter.getStatus().equals(org.asclepius.hms.encounter.EncounterStatus.IN_PROGRESS)) {
            throw new DomainException("Triage observations go to a visit in progress.");
        }
        Patient patient = encounter.getPatient();
        List<Observation> set = new ArrayList<>();
        if (v.temperature() != null) {
            set.add(new Observation(patient, encounter, VitalSign.TEMPERATURE, v.temperature(), null, false, at));
        }
        if (v.pulse() != null) {
            set.add(new Observation(patient, encounter, VitalSign.PULSE, number(v.pulse()), null, false, at));
        }
        if (v.respirationRate() != null) {
            set.add(new Observation(patient, encounter, VitalSign.RESPIRATION, number(v.respirationRate()), null,
                    false, at));
        }
        if (v.systolic() != null) {
            set.add(new Observation(patient, encounter, VitalSign.BLOOD_PRESSURE, number(v.systolic()), null, false,
                    at));
        }
        if (v.spo2() != null) {
            set.add(new Observation(patient, encounter, VitalSign.SPO2, number(v.spo2()), null, false, at));
        }
        return new PatientItems<>(patient.getId(), persist(set, at));
    }

    /** The latest value of each vital sign (entered-in-error ones skipped). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<ObservationRecord> latest(@PatientRef long patientId) {
        access.require(patientId);
        return new PatientItems<>(patientId, repository.latest(patientId));
    }

    /**
     * One vital sign over time (oldest first) for the trend chart: the values between {@code from} and {@code to}
     * (either may be null), at most {@code max} of the most recent.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<ObservationRecord> trend(@PatientRef long patientId, VitalSign kind, Instant from,
                                                 Instant to, int max) {
        access.require(patientId);
        List<ObservationRecord> points = new ArrayList<>(em.createQuery("select o from Observation o"
                        + " where o.patient.id = :p and o.kind = :k and o.status = :final"
                        + " and o.effectiveAt >= :from and o.effectiveAt <= :to"
                        + " order by o.effectiveAt desc, o.id desc", Observation.class)
                .setParameter("p", patientId).setParameter("k", kind)
                .setParameter("final", Observation.Status.FINAL)
                .setParameter("from", from == null ? Instant.EPOCH : from)
                .setParameter("to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)
                .setMaxResults(Math.max(1, Math.min(max, 2000)))
                .getResultStream().map(ObservationRecord::of).toList());
        java.util.Collections.reverse(points);
        return new PatientItems<>(patientId, points);
    }

    /** Every vital sign of the patient, newest first, a page at a time (entered-in-error ones included). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientItems<ObservationRecord> history(@PatientRef long patientId, Long encounterId, int first,
                                                   int max) {
        access.require(patientId);
        return new PatientItems<>(patientId, em.createQuery("select o from Observation o where o.patient.id = :p"
                        + " and (:e is null or o.encounter.id = :e) order by o.effectiveAt desc, o.id desc",
                        Observation.class)
                .setParameter("p", patientId).setParameter("e", encounterId)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream().map(ObservationRecord::of).toList());
    }

    /**
     * The patient's vital signs for the API, newest first, a page at a time with the number of all matching: of the
     * given kinds (null: all), taken in [{@code from}, {@code to}) (either may be null); entered-in-error ones
     * included (their status says so). {@code max} 0 counts only.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    @Audited(resource = "Chart")
    public PatientPage<ObservationRecord> search(@PatientRef long patientId, Set<VitalSign> kinds, Instant from,
                                                 Instant to, int first, int max) {
        access.require(patientId);
        String where = " where o.patient.id = :p" + (kinds == null ? "" : " and o.kind in :kinds")
                + (from == null ? "" : " and o.effectiveAt >= :from") + (to == null ? "" : " and o.effectiveAt < :to");
        TypedQuery<Long> count = em.createQuery("select count(o) from Observation o" + where, Long.class);
        TypedQuery<Observation> page = em.createQuery("select o from Observation o" + where
                + " order by o.effectiveAt desc, o.id desc", Observation.class);
        for (TypedQuery<?> q : List.of(count, page)) {
            q.setParameter("p", patientId);
            if (kinds != null) {
                q.setParameter("kinds", kinds);
            }
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
        }
        List<ObservationRecord> items = max <= 0 ? List.of() : page.setFirstResult(Math.max(0, first))
                .setMaxResults(Math.min(max, 500)).getResultStream().map(ObservationRecord::of).toList();
        return new PatientPage<>(patientId, items, count.getSingleResult());
    }

    /** One vital sign by its id. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN})
    public ObservationRecord find(long id) {
        return ObservationRecord.of(context.readable(Observation.class, id, "Observation",
                Observation::getPatient));
    }

    /** A value recorded by mistake: kept, marked entered in error with the reason, never shown as a value. */
    @RolesAllowed({Roles.NURSE, Roles.PHYSICIAN})
    @Audited(action = AuditAction.UPDATE, resource = "Observation")
    public ObservationRecord enteredInError(long id, long version, String reason) {
        Observation o = context.lockForChange(Observation.class, id, version, "Observation", "The observation",
                Observation::getPatient);
        FieldErrors errors = new FieldErrors();
        String why = errors.text("reason", reason, 300, "say why the value is wrong");
        errors.refuseIfAny();
        if (o.getStatus() == Observation.Status.ENTERED_IN_ERROR) {
            throw new DomainException("This value is already marked entered in error.");
        }
        o.enteredInError(why);
        o.touch(context.caller(), context.now());
        em.flush();
        return ObservationRecord.of(o);
    }

    /** Writes a set as one panel (the first observation's id). */
    private List<ObservationRecord> persist(List<Observation> set, Instant now) {
        String user = context.caller();
        Long panel = null;
        for (Observation o : set) {
            o.touch(user, now);
            em.persist(o);
            panel = panel == null ? o.getId() : panel;
            o.inPanel(panel);
        }
        em.flush();
        return set.stream().map(ObservationRecord::of).toList();
    }

    private static void add(List<Observation> set, FieldErrors errors, Patient patient, Encounter encounter,
                            Instant taken, VitalSign kind, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        errors.range(field, value, kind.min(), kind.max(), kind.unitLabel());
        if (value.stripTrailingZeros().scale() > kind.scale()) {
            errors.add(field, kind.scale() == 0 ? "enter a whole number"
                    : "at most " + kind.scale() + " decimal" + (kind.scale() == 1 ? "" : "s"));
        }
        set.add(new Observation(patient, encounter, kind, value, null, false, taken));
    }

    private static void bloodPressure(List<Observation> set, FieldErrors errors, Patient patient,
                                      Encounter encounter, Instant taken, VitalSignsEntry entry) {
        if (entry.systolic() == null && entry.diastolic() == null) {
            return;
        }
        if (entry.systolic() == null) {
            errors.add("systolic", "enter the systolic pressure with the diastolic");
            return;
        }
        if (entry.diastolic() == null) {
            errors.add("diastolic", "enter the diastolic pressure with the systolic");
            return;
        }
        BigDecimal sys = number(entry.systolic());
        BigDecimal dia = number(entry.diastolic());
        errors.range("systolic", sys, VitalSign.BLOOD_PRESSURE.min(), VitalSign.BLOOD_PRESSURE.max(), "mmHg");
        errors.range("diastolic", dia, VitalSign.DIASTOLIC_MIN, VitalSign.DIASTOLIC_MAX, "mmHg");
        if (!errors.has("systolic") && !errors.has("diastolic") && dia.compareTo(sys) >= 0) {
            errors.add("diastolic", "must be lower than the systolic pressure");
        }
        set.add(new Observation(patient, encounter, VitalSign.BLOOD_PRESSURE, sys, dia, false, taken));
    }

    /** BMI from this set's weight and this set's height, or the latest height recorded before. */
    private void bmi(List<Observation> set, Patient patient, Encounter encounter, Instant taken) {
        BigDecimal weight = valueIn(set, VitalSign.WEIGHT);
        if (weight == null) {
            return;
        }
        BigDecimal height = valueIn(set, VitalSign.HEIGHT);
        if (height == null) {
            height = em.createQuery("select o.value from Observation o where o.patient = :p and o.kind = :k"
                            + " and o.status = :final and o.effectiveAt <= :t order by o.effectiveAt desc",
                            BigDecimal.class)
                    .setParameter("p", patient).setParameter("k", VitalSign.HEIGHT)
                    .setParameter("final", Observation.Status.FINAL).setParameter("t", taken)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
        }
        if (height == null) {
            return;
        }
        BigDecimal metres = height.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
        BigDecimal bmi = weight.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
        if (bmi.compareTo(VitalSign.BMI.min()) >= 0 && bmi.compareTo(VitalSign.BMI.max()) <= 0) {
            set.add(new Observation(patient, encounter, VitalSign.BMI, bmi, null, true, taken));
        }
    }

    private static BigDecimal valueIn(List<Observation> set, VitalSign kind) {
        return set.stream().filter(o -> o.getKind() == kind).map(Observation::getValue).findFirst().orElse(null);
    }

    private static BigDecimal number(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
