package org.asclepius.hms.outpatient;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.observation.ClinicalRisk;
import org.asclepius.hms.observation.Vitals;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.PatientScoped;

/**
 * A visit as the queue board and the screens show it: the patient banner (name, MRN, date of birth, sex), the
 * stage, the waiting times at the moment it was read (since arrival, since the last stage change), the NEWS2 score
 * and its risk, and the acuity.
 */
public record VisitRecord(long id, long version, long encounterId, long patient, String patientName, String mrn,
        LocalDate birthDate, boolean birthDateEstimated, Sex sex, boolean unidentified, EncounterKind kind,
        String department, VisitStage stage, Instant arrivedAt, Instant stageChangedAt, Long appointmentId,
        Instant appointmentStart, String chiefComplaint, Integer acuity, Vitals vitals, Integer news2,
        ClinicalRisk risk, Instant triagedAt, String triagedBy, String attending, String cancelReason,
        Duration sinceArrival, Duration sinceStageChange) implements PatientScoped, Serializable {

    /**
     * The order of a queue. Emergency visits first, by acuity (not yet triaged first: their urgency is not known,
     * then ESI 1 before 5), then arrival; outpatient visits by stage (arrived, waiting, in consultation, seen), then
     * appointment time (or arrival for walk-ins).
     */
    public static final Comparator<VisitRecord> QUEUE_ORDER = Comparator
            .comparing((VisitRecord v) -> v.kind() != EncounterKind.EMERGENCY)
            .thenComparing(VisitRecord::emergencyRank)
            .thenComparing(VisitRecord::outpatientStageRank)
            .thenComparing(VisitRecord::queueTime)
            .thenComparing(VisitRecord::id);

    static VisitRecord of(Visit v, Instant now) {
        Encounter e = v.getEncounter();
        Patient p = e.getPatient();
        return new VisitRecord(v.getId(), v.getVersion(), e.getId(), p.getId(), p.getFamilyName() + ", "
                + p.getGivenName(), p.getMrn(), p.getBirthDate(), p.isBirthDateEstimated(), p.getSex(),
                p.isUnidentified(), e.getKind(), e.getDepartment(), v.getStage(), v.getArrivedAt(),
                v.getStageChangedAt(), v.getAppointment() == null ? null : v.getAppointment().getId(),
                v.getAppointment() == null ? null : v.getAppointment().getStartsAt(), v.getChiefComplaint(),
                v.getAcuity(), v.getVitals(), v.getNews2Score(), v.getNews2Risk(), v.getTriagedAt(),
                v.getTriagedBy(), e.getAttending(), v.getCancelReason(), since(v.getArrivedAt(), now, v),
                since(v.getStageChangedAt(), now, v));
    }

    /** Time from the instant until now while the visit is open; until it left the queue otherwise. */
    private static Duration since(Instant from, Instant now, Visit v) {
        Instant to = v.getStage().open() ? now : v.getStageChangedAt();
        Duration d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private int emergencyRank() {
        return kind != EncounterKind.EMERGENCY ? 0 : acuity == null ? 0 : acuity;
    }

    private int outpatientStageRank() {
        return kind == EncounterKind.EMERGENCY ? 0 : stage.ordinal();
    }

    private Instant queueTime() {
        return kind != EncounterKind.EMERGENCY && appointmentStart != null ? appointmentStart : arrivedAt;
    }

    @Override
    public long patientId() {
        return patient;
    }

    @Override
    public String resourceId() {
        return String.valueOf(id);
    }
}
