package org.asclepius.hms.outpatient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.observation.ClinicalRisk;
import org.asclepius.hms.observation.Consciousness;
import org.asclepius.hms.observation.News2;
import org.asclepius.hms.observation.Vitals;
import org.asclepius.hms.scheduling.Appointment;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * The flow of an outpatient or emergency encounter through the department: its stage, the appointment it came
 * from, the chief complaint, the acuity (ESI 1–5, 1 most urgent) and the last triage observations with their NEWS2
 * score. The patient is the encounter's (so a merge of patient records moves the visit with the encounter).
 */
@Entity
@Table(name = "visit")
public class Visit extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_seq")
    @SequenceGenerator(name = "visit_seq", sequenceName = "visit_seq", allocationSize = 50)
    private Long id;
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "encounter_id", nullable = false)
    private Encounter encounter;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "appointment_id")
    private Appointment appointment;
    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 20)
    private VisitStage stage;
    @Column(name = "arrived_at", nullable = false)
    private Instant arrivedAt;
    @Column(name = "stage_changed_at", nullable = false)
    private Instant stageChangedAt;
    @Column(name = "chief_complaint", length = 300)
    private String chiefComplaint;
    @Column(name = "acuity")
    private Integer acuity;
    @Column(name = "respiration_rate")
    private Integer respirationRate;
    @Column(name = "spo2")
    private Integer spo2;
    @Column(name = "spo2_scale2")
    private Boolean spo2Scale2;
    @Column(name = "on_oxygen")
    private Boolean onOxygen;
    @Column(name = "systolic_bp")
    private Integer systolic;
    @Column(name = "pulse")
    private Integer pulse;
    @Enumerated(EnumType.STRING)
    @Column(name = "consciousness", length = 20)
    private Consciousness consciousness;
    @Column(name = "temperature", precision = 4, scale = 1)
    private BigDecimal temperature;
    @Column(name = "news2_score")
    private Integer news2Score;
    @Enumerated(EnumType.STRING)
    @Column(name = "news2_risk", length = 20)
    private ClinicalRisk news2Risk;
    @Column(name = "triaged_at")
    private Instant triagedAt;
    @Column(name = "triaged_by", length = 100)
    private String triagedBy;
    @Column(name = "cancel_reason", length = 300)
    private String cancelReason;

    protected Visit() {
    }

    public Visit(Encounter encounter, Appointment appointment, String chiefComplaint, Instant arrivedAt) {
        this.encounter = encounter;
        this.appointment = appointment;
        this.chiefComplaint = chiefComplaint;
        this.stage = VisitStage.ARRIVED;
        this.arrivedAt = arrivedAt;
        this.stageChangedAt = arrivedAt;
    }

    void moveTo(VisitStage to, Instant at) {
        this.stage = to;
        this.stageChangedAt = at;
    }

    void triage(Vitals v, News2.Result score, String complaint, Integer esi, String user, Instant at) {
        this.respirationRate = v.respirationRate();
        this.spo2 = v.spo2();
        this.spo2Scale2 = v.hypercapnic();
        this.onOxygen = v.onOxygen();
        this.systolic = v.systolic();
        this.pulse = v.pulse();
        this.consciousness = v.consciousness();
        this.temperature = v.temperature().setScale(1, java.math.RoundingMode.HALF_UP);
        this.news2Score = score.total();
        this.news2Risk = score.risk();
        this.chiefComplaint = complaint;
        this.acuity = esi;
        this.triagedAt = at;
        this.triagedBy = user;
    }

    void cancel(String reason, Instant at) {
        this.cancelReason = reason;
        moveTo(VisitStage.CANCELLED, at);
    }

    /** The last triage observations, or null before triage. */
    public Vitals getVitals() {
        return triagedAt == null ? null : new Vitals(respirationRate, spo2, Boolean.TRUE.equals(spo2Scale2), onOxygen,
                systolic, pulse, consciousness, temperature);
    }

    public Long getId() { return id; }
    public Encounter getEncounter() { return encounter; }
    public Appointment getAppointment() { return appointment; }
    public VisitStage getStage() { return stage; }
    public Instant getArrivedAt() { return arrivedAt; }
    public Instant getStageChangedAt() { return stageChangedAt; }
    public String getChiefComplaint() { return chiefComplaint; }
    public Integer getAcuity() { return acuity; }
    public Integer getNews2Score() { return news2Score; }
    public ClinicalRisk getNews2Risk() { return news2Risk; }
    public Instant getTriagedAt() { return triagedAt; }
    public String getTriagedBy() { return triagedBy; }
    public String getCancelReason() { return cancelReason; }
}
