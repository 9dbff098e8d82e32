package org.asclepius.hms.clinical.vitals;

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
import java.math.BigDecimal;
import java.time.Instant;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/** One vital sign taken at a time in an encounter; a mistaken one is marked entered in error, never deleted. */
@Entity
@Table(name = "observation")
public class Observation extends TrackedEntity {
    /** Final, or entered in error (kept, never shown as a value). */
    public enum Status { FINAL, ENTERED_IN_ERROR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "encounter_id", nullable = false)
    private Encounter encounter;
    /** The observations recorded together share the id of the first of them. */
    @Column(name = "panel_id", nullable = false)
    private long panelId;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private VitalSign kind;
    @Column(name = "code", nullable = false, length = 20)
    private String code;
    @Column(name = "value_number", nullable = false, precision = 7, scale = 2)
    private BigDecimal value;
    /** The diastolic pressure of a blood pressure. */
    @Column(name = "value_second", precision = 7, scale = 2)
    private BigDecimal secondValue;
    @Column(name = "unit", nullable = false, length = 20)
    private String unit;
    @Column(name = "derived", nullable = false)
    private boolean derived;
    @Column(name = "effective_at", nullable = false)
    private Instant effectiveAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private Status status = Status.FINAL;
    @Column(name = "error_reason", length = 300)
    private String errorReason;

    protected Observation() {
    }

    Observation(Patient patient, Encounter encounter, VitalSign kind, BigDecimal value, BigDecimal secondValue,
                boolean derived, Instant effectiveAt) {
        this.patient = patient;
        this.encounter = encounter;
        this.kind = kind;
        this.code = kind.loinc();
        this.value = value;
        this.secondValue = secondValue;
        this.unit = kind.ucum();
        this.derived = derived;
        this.effectiveAt = effectiveAt;
    }

    void inPanel(long panel) {
        this.panelId = panel;
    }

    void enteredInError(String reason) {
        this.status = Status.ENTERED_IN_ERROR;
        this.errorReason = reason;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public long getPanelId() { return panelId; }
    public VitalSign getKind() { return kind; }
    public String getCode() { return code; }
    public BigDecimal getValue() { return value; }
    public BigDecimal getSecondValue() { return secondValue; }
    public String getUnit() { return unit; }
    public boolean isDerived() { return derived; }
    public Instant getEffectiveAt() { return effectiveAt; }
    public Status getStatus() { return status; }
    public String getErrorReason() { return errorReason; }
}
