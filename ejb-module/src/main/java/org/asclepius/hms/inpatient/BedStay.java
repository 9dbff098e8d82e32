package org.asclepius.hms.inpatient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.asclepius.hms.patient.Patient;

/**
 * A patient in a bed from a time to a time. While current, the bed and the patient are repeated in unique
 * columns, so the database refuses a second patient in a bed and a second bed for a patient.
 */
@Entity
@Table(name = "bed_stay")
public class BedStay {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "encounter_seq")
    @SequenceGenerator(name = "encounter_seq", sequenceName = "encounter_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "admission_id", nullable = false)
    private Admission admission;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bed_id", nullable = false)
    private Bed bed;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "current_bed_id")
    private Long currentBedId;
    @Column(name = "current_patient_id")
    private Long currentPatientId;
    @Column(name = "cancelled", nullable = false)
    private boolean cancelled;

    protected BedStay() {
    }

    public BedStay(Admission admission, Bed bed, Instant at) {
        this.admission = admission;
        this.bed = bed;
        this.patient = admission.getPatient();
        this.startedAt = at;
        this.currentBedId = bed.getId();
        this.currentPatientId = patient.getId();
    }

    void end(Instant at) {
        this.endedAt = at;
        this.currentBedId = null;
        this.currentPatientId = null;
    }

    /** A stay entered in error (a cancelled transfer or admission): kept for the record, never counted. */
    void cancel(Instant at) {
        end(at);
        this.cancelled = true;
    }

    /** The stay goes on (its end was a transfer or a discharge that has been cancelled). */
    void reopen() {
        this.endedAt = null;
        this.currentBedId = bed.getId();
        this.currentPatientId = patient.getId();
    }

    public Long getId() { return id; }
    public Admission getAdmission() { return admission; }
    public Bed getBed() { return bed; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public boolean isCancelled() { return cancelled; }
}
