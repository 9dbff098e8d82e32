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
import java.time.LocalDate;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A patient who needs a bed: asked for by a clinician (from emergency or a clinic) or planned ahead (an elective
 * pre-admission, with a PLANNED encounter), fulfilled by the bed manager who admits the patient to a bed. While it
 * waits, {@code open_patient_id} and {@code reserved_bed_id} are unique: one waiting request per patient, and a
 * bed is held for one request at most.
 */
@Entity
@Table(name = "admission_request")
public class AdmissionRequest extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "admission_request_seq")
    @SequenceGenerator(name = "admission_request_seq", sequenceName = "admission_request_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "encounter_id")
    private Encounter encounter;
    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 20)
    private AdmissionSource source;
    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, length = 20)
    private AdmissionPriority priority;
    @Column(name = "reason", nullable = false, length = 300)
    private String reason;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ward_id")
    private Ward ward;
    @Enumerated(EnumType.STRING)
    @Column(name = "bed_kind", length = 20)
    private BedKind bedKind;
    @Column(name = "attending", length = 100)
    private String attending;
    @Column(name = "planned_for")
    private LocalDate plannedFor;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private AdmissionRequestStatus status;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reserved_bed_id")
    private Bed reservedBed;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "admission_id")
    private Admission admission;
    @Column(name = "closed_reason", length = 300)
    private String closedReason;
    @Column(name = "open_patient_id")
    private Long openPatientId;

    protected AdmissionRequest() {
    }

    AdmissionRequest(Patient patient, AdmissionSource source, AdmissionPriority priority, String reason, Ward ward,
            BedKind bedKind, String attending, LocalDate plannedFor) {
        this.patient = patient;
        this.source = source;
        this.priority = priority;
        this.reason = reason;
        this.ward = ward;
        this.bedKind = bedKind;
        this.attending = attending;
        this.plannedFor = plannedFor;
        this.status = AdmissionRequestStatus.WAITING;
        this.openPatientId = patient.getId();
    }

    void plan(Encounter planned) {
        this.encounter = planned;
    }

    void reserve(Bed bed) {
        this.reservedBed = bed;
    }

    void fulfil(Admission done) {
        this.status = AdmissionRequestStatus.FULFILLED;
        this.admission = done;
        close();
    }

    void cancel(String why) {
        this.status = AdmissionRequestStatus.CANCELLED;
        this.closedReason = why;
        close();
    }

    private void close() {
        this.reservedBed = null;
        this.openPatientId = null;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public AdmissionSource getSource() { return source; }
    public AdmissionPriority getPriority() { return priority; }
    public String getReason() { return reason; }
    public Ward getWard() { return ward; }
    public BedKind getBedKind() { return bedKind; }
    public String getAttending() { return attending; }
    public LocalDate getPlannedFor() { return plannedFor; }
    public AdmissionRequestStatus getStatus() { return status; }
    public Bed getReservedBed() { return reservedBed; }
    public Admission getAdmission() { return admission; }
    public String getClosedReason() { return closedReason; }
}
