package org.asclepius.hms.inpatient;

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
import java.time.Instant;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * An inpatient stay (its encounter is of kind INPATIENT). While it is open, {@code open_patient_id} repeats the
 * patient in a unique column: the database refuses a second open admission of one patient.
 */
@Entity
@Table(name = "admission")
public class Admission extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "encounter_seq")
    @SequenceGenerator(name = "encounter_seq", sequenceName = "encounter_seq", allocationSize = 50)
    private Long id;
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "encounter_id", nullable = false)
    private Encounter encounter;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private AdmissionSource source;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private AdmissionStatus status;
    @Column(name = "reason", nullable = false, length = 300)
    private String reason;
    @Column(name = "admitted_at")
    private Instant admittedAt;
    @Column(name = "discharged_at")
    private Instant dischargedAt;
    @Column(name = "disposition", length = 30)
    private String disposition;
    @Column(name = "open_patient_id")
    private Long openPatientId;
    @Column(name = "discharge_summary", length = 4000)
    private String dischargeSummary;
    @Column(name = "leave_until")
    private Instant leaveUntil;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id")
    private AdmissionRequest request;

    protected Admission() {
    }

    public Admission(Encounter encounter, AdmissionSource source, String reason, Instant at) {
        this.encounter = encounter;
        this.patient = encounter.getPatient();
        this.source = source;
        this.reason = reason;
        this.status = AdmissionStatus.ADMITTED;
        this.admittedAt = at;
        this.openPatientId = patient.getId();
    }

    void discharge(String disposition, String summary, Instant at) {
        this.status = AdmissionStatus.DISCHARGED;
        this.disposition = disposition;
        this.dischargeSummary = summary;
        this.dischargedAt = at;
        this.leaveUntil = null;
        this.openPatientId = null;
    }

    /** A discharge entered in error: the stay goes on as before it. */
    void undoDischarge() {
        this.status = AdmissionStatus.ADMITTED;
        this.disposition = null;
        this.dischargeSummary = null;
        this.dischargedAt = null;
        this.openPatientId = patient.getId();
    }

    /** An admission entered in error: it ends without a discharge. */
    void cancel() {
        this.status = AdmissionStatus.CANCELLED;
        this.leaveUntil = null;
        this.openPatientId = null;
    }

    void leave(Instant until) {
        this.status = AdmissionStatus.ON_LEAVE;
        this.leaveUntil = until;
    }

    void returnFromLeave() {
        this.status = AdmissionStatus.ADMITTED;
        this.leaveUntil = null;
    }

    void fulfils(AdmissionRequest request) {
        this.request = request;
    }

    public Long getId() { return id; }
    public Encounter getEncounter() { return encounter; }
    public Patient getPatient() { return patient; }
    public AdmissionSource getSource() { return source; }
    public AdmissionStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public Instant getAdmittedAt() { return admittedAt; }
    public Instant getDischargedAt() { return dischargedAt; }
    public String getDisposition() { return disposition; }
    public String getDischargeSummary() { return dischargeSummary; }
    public Instant getLeaveUntil() { return leaveUntil; }
    public AdmissionRequest getRequest() { return request; }
}
