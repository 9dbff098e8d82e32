package org.asclepius.hms.clinical.problems;

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
import java.time.LocalDate;
import org.asclepius.hms.encounter.Encounter;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A problem or a diagnosis, coded (ICD-10-CM for what is entered here; SNOMED CT kept as such for imported records,
 * with its ICD-10-CM map where one is known). A diagnosis belongs to an encounter and is its primary or a secondary
 * one; the database holds at most one primary diagnosis per encounter.
 */
@Entity
@Table(name = "clinical_condition")
public class Condition extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "clinical_condition_seq")
    @SequenceGenerator(name = "clinical_condition_seq", sequenceName = "clinical_condition_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "encounter_id")
    private Encounter encounter;
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 20)
    private ConditionCategory category;
    @Column(name = "code_system", nullable = false, length = 100)
    private String codeSystem;
    @Column(name = "code", nullable = false, length = 20)
    private String code;
    @Column(name = "display", nullable = false, length = 400)
    private String display;
    @Column(name = "mapped_code", length = 20)
    private String mappedCode;
    @Column(name = "onset_date")
    private LocalDate onsetDate;
    @Column(name = "abatement_date")
    private LocalDate abatementDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "clinical_status", nullable = false, length = 20)
    private ClinicalStatus clinicalStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "verification", nullable = false, length = 20)
    private Verification verification;
    @Enumerated(EnumType.STRING)
    @Column(name = "diagnosis_rank", length = 20)
    private DiagnosisRank rank;
    @Column(name = "primary_encounter_id", unique = true)
    private Long primaryEncounterId;
    @Column(name = "note", length = 1000)
    private String note;
    @Column(name = "error_reason", length = 300)
    private String errorReason;

    protected Condition() {
    }

    Condition(Patient patient, Encounter encounter, ConditionCategory category, Code code, String mappedCode) {
        this.patient = patient;
        this.encounter = encounter;
        this.category = category;
        this.codeSystem = code.system();
        this.code = code.code();
        this.display = code.display();
        this.mappedCode = mappedCode;
    }

    void describe(LocalDate onset, LocalDate abatement, ClinicalStatus status, Verification verification,
                  String note) {
        this.onsetDate = onset;
        this.abatementDate = abatement;
        this.clinicalStatus = status;
        this.verification = verification;
        this.note = note;
    }

    void rank(DiagnosisRank rank) {
        this.rank = rank;
        this.primaryEncounterId = rank == DiagnosisRank.PRIMARY ? encounter.getId() : null;
    }

    void enteredInError(String reason) {
        this.verification = Verification.ENTERED_IN_ERROR;
        this.errorReason = reason;
        this.primaryEncounterId = null;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public ConditionCategory getCategory() { return category; }
    public Code getCode() { return new Code(codeSystem, code, display); }
    public String getMappedCode() { return mappedCode; }
    public LocalDate getOnsetDate() { return onsetDate; }
    public LocalDate getAbatementDate() { return abatementDate; }
    public ClinicalStatus getClinicalStatus() { return clinicalStatus; }
    public Verification getVerification() { return verification; }
    public DiagnosisRank getRank() { return rank; }
    public String getNote() { return note; }
    public String getErrorReason() { return errorReason; }
}
