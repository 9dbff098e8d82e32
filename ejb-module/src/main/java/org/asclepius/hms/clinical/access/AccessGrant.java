package org.asclepius.hms.clinical.access;

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

/** Break-the-glass: access to one patient's chart outside a care relationship, with a reason, until a time. */
@Entity
@Table(name = "access_grant")
public class AccessGrant extends TrackedEntity {
    /** The privacy officer's finding. */
    public enum Review { PENDING, APPROPRIATE, INAPPROPRIATE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_grant_seq")
    @SequenceGenerator(name = "access_grant_seq", sequenceName = "access_grant_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;
    @Column(name = "reason", nullable = false, length = 500)
    private String reason;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_status", nullable = false, length = 20)
    private Review review = Review.PENDING;
    @Column(name = "reviewed_by", length = 100)
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_note", length = 500)
    private String reviewNote;

    protected AccessGrant() {
    }

    AccessGrant(Patient patient, String userName, String reason, Instant grantedAt, Instant expiresAt) {
        this.patient = patient;
        this.userName = userName;
        this.reason = reason;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    void review(Review finding, String note, String by, Instant at) {
        this.review = finding;
        this.reviewNote = note;
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public String getUserName() { return userName; }
    public String getReason() { return reason; }
    public Instant getGrantedAt() { return grantedAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Review getReview() { return review; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewNote() { return reviewNote; }
}
