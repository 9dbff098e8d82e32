package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.asclepius.hms.patient.matching.MatchGrade;

/** A pair of patients on the duplicate review worklist (lower id first; each pair once). */
@Entity
@Table(name = "duplicate_review")
public class DuplicateReview {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "duplicate_review_seq")
    @SequenceGenerator(name = "duplicate_review_seq", sequenceName = "duplicate_review_seq", allocationSize = 50)
    private Long id;
    @Column(name = "patient_a", nullable = false)
    private long patientA;
    @Column(name = "patient_b", nullable = false)
    private long patientB;
    @Column(name = "score", nullable = false)
    private double score;
    @Enumerated(EnumType.STRING)
    @Column(name = "grade", nullable = false, length = 15)
    private MatchGrade grade;
    @Column(name = "status", nullable = false, length = 15)
    private String status = "OPEN";
    @Column(name = "found_at", nullable = false)
    private Instant foundAt;
    @Column(name = "job_execution_id")
    private Long jobExecutionId;

    public static final String OPEN = "OPEN";
    public static final String SAME_PERSON = "SAME_PERSON";
    public static final String DIFFERENT = "DIFFERENT";

    protected DuplicateReview() {
    }

    public DuplicateReview(long patientA, long patientB, double score, MatchGrade grade, Instant foundAt,
                           Long jobExecutionId) {
        this.patientA = Math.min(patientA, patientB);
        this.patientB = Math.max(patientA, patientB);
        this.score = score;
        this.grade = grade;
        this.foundAt = foundAt;
        this.jobExecutionId = jobExecutionId;
    }

    public boolean involves(long patientId) {
        return patientA == patientId || patientB == patientId;
    }

    /** The reviewer's decision (or OPEN again, when a merge is undone). */
    void decide(String decision) {
        this.status = decision;
    }

    public String getStatus() { return status; }
    public Long getId() { return id; }
    public long getPatientA() { return patientA; }
    public long getPatientB() { return patientB; }
    public double getScore() { return score; }
    public MatchGrade getGrade() { return grade; }
    public Instant getFoundAt() { return foundAt; }
}
