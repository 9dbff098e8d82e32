package org.asclepius.hms.clinical.allergies;

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

/** An allergy or intolerance to a coded allergen, with the reaction, its severity, status and verification. */
@Entity
@Table(name = "allergy")
public class Allergy extends TrackedEntity {
    /** FHIR allergy-intolerance-category. */
    public enum Category { MEDICATION, FOOD, ENVIRONMENT, BIOLOGIC }

    /** Allergy (immune) or intolerance. */
    public enum Type { ALLERGY, INTOLERANCE }

    /** Severity of the reaction. */
    public enum Severity { MILD, MODERATE, SEVERE }

    /** FHIR allergyintolerance-clinical. */
    public enum Status { ACTIVE, INACTIVE, RESOLVED }

    /** FHIR allergyintolerance-verification. */
    public enum Verification { UNCONFIRMED, CONFIRMED, REFUTED, ENTERED_IN_ERROR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allergy_seq")
    @SequenceGenerator(name = "allergy_seq", sequenceName = "allergy_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "encounter_id")
    private Encounter encounter;
    @Column(name = "allergen_system", nullable = false, length = 100)
    private String allergenSystem;
    @Column(name = "allergen_code", nullable = false, length = 40)
    private String allergenCode;
    @Column(name = "allergen", nullable = false, length = 200)
    private String allergen;
    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, length = 20)
    private Category category;
    @Enumerated(EnumType.STRING)
    @Column(name = "allergy_type", nullable = false, length = 20)
    private Type type;
    @Column(name = "reaction", length = 300)
    private String reaction;
    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 20)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    @Column(name = "clinical_status", nullable = false, length = 20)
    private Status status = Status.ACTIVE;
    @Enumerated(EnumType.STRING)
    @Column(name = "verification", nullable = false, length = 20)
    private Verification verification;
    @Column(name = "onset_date")
    private LocalDate onsetDate;
    @Column(name = "note", length = 1000)
    private String note;
    @Column(name = "error_reason", length = 300)
    private String errorReason;

    protected Allergy() {
    }

    Allergy(Patient patient, Encounter encounter, Code allergen, Category category, Type type) {
        this.patient = patient;
        this.encounter = encounter;
        this.allergenSystem = allergen.system();
        this.allergenCode = allergen.code();
        this.allergen = allergen.display();
        this.category = category;
        this.type = type;
    }

    void describe(String reaction, Severity severity, Status status, Verification verification, LocalDate onset,
                  String note) {
        this.reaction = reaction;
        this.severity = severity;
        this.status = status;
        this.verification = verification;
        this.onsetDate = onset;
        this.note = note;
    }

    void enteredInError(String reason) {
        this.verification = Verification.ENTERED_IN_ERROR;
        this.errorReason = reason;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public Encounter getEncounter() { return encounter; }
    public Code getAllergen() { return new Code(allergenSystem, allergenCode, allergen); }
    public Category getCategory() { return category; }
    public Type getType() { return type; }
    public String getReaction() { return reaction; }
    public Severity getSeverity() { return severity; }
    public Status getStatus() { return status; }
    public Verification getVerification() { return verification; }
    public LocalDate getOnsetDate() { return onsetDate; }
    public String getNote() { return note; }
    public String getErrorReason() { return errorReason; }
}
