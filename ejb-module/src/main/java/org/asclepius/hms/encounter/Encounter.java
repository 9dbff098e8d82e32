package org.asclepius.hms.encounter;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A visit: the backbone that clinical records, orders and charges hang on. Its kind (outpatient, emergency,
 * inpatient, day case), department, attending provider, status, start and end.
 */
@Entity
@Table(name = "encounter")
public class Encounter extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "encounter_seq")
    @SequenceGenerator(name = "encounter_seq", sequenceName = "encounter_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private EncounterKind kind;
    @Column(name = "department", nullable = false, length = 80)
    private String department;
    @Column(name = "attending", length = 100)
    private String attending;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private EncounterStatus status;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    protected Encounter() {
    }

    public Encounter(Patient patient, EncounterKind kind, String department, String attending, Instant start) {
        this.patient = patient;
        this.kind = kind;
        this.department = department;
        this.attending = attending;
        this.status = EncounterStatus.IN_PROGRESS;
        this.startedAt = start;
    }

    public void setStatus(EncounterStatus status) {
        this.status = status;
    }

    public void end(Instant at) {
        this.status = EncounterStatus.FINISHED;
        this.endedAt = at;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    /** A planned visit begins now (the patient has arrived). */
    public void begin(Instant at) {
        this.status = EncounterStatus.IN_PROGRESS;
        this.startedAt = at;
        this.endedAt = null;
    }

    /** An ended visit goes on: its end was entered in error. */
    public void resume() {
        this.status = EncounterStatus.IN_PROGRESS;
        this.endedAt = null;
    }

    /** A visit entered in error, or a planned one that will not happen. */
    public void cancel(Instant at) {
        this.status = EncounterStatus.CANCELLED;
        this.endedAt = at.isBefore(startedAt) ? startedAt : at;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public EncounterKind getKind() { return kind; }
    public String getDepartment() { return department; }
    public String getAttending() { return attending; }
    public EncounterStatus getStatus() { return status; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
}
