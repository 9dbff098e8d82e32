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
import java.time.Instant;
import org.asclepius.hms.patient.Patient;
import org.hibernate.annotations.Immutable;

/**
 * What a clinician established about a patient's allergies as a whole: "no known allergies" (asked, none), or
 * that allergies are recorded. The latest wins; none at all means allergies were never asked about.
 */
@Entity
@Immutable
@Table(name = "allergy_assessment")
public class AllergyAssessment {
    /** The finding. */
    public enum Finding { NO_KNOWN_ALLERGIES, ALLERGIES_RECORDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "allergy_assessment_seq")
    @SequenceGenerator(name = "allergy_assessment_seq", sequenceName = "allergy_assessment_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Enumerated(EnumType.STRING)
    @Column(name = "assessment", nullable = false, length = 30)
    private Finding finding;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected AllergyAssessment() {
    }

    AllergyAssessment(Patient patient, Finding finding, Instant at, String by) {
        this.patient = patient;
        this.finding = finding;
        this.recordedAt = at;
        this.recordedBy = by;
    }

    public Finding getFinding() { return finding; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
