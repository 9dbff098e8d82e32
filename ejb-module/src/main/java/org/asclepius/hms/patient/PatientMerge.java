package org.asclepius.hms.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One merge of a retired patient record into a surviving one, and its undoing. History like the audit trail:
 * it names the two patients by id (no association to {@link Patient}), so later merges never re-point it.
 */
@Entity
@Table(name = "patient_merge")
public class PatientMerge {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "patient_merge_seq")
    @SequenceGenerator(name = "patient_merge_seq", sequenceName = "patient_merge_seq", allocationSize = 50)
    private Long id;
    @Column(name = "survivor_id", nullable = false, updatable = false)
    private long survivorId;
    @Column(name = "retired_id", nullable = false, updatable = false)
    private long retiredId;
    @Column(name = "reason", nullable = false, length = 300, updatable = false)
    private String reason;
    @Column(name = "review_id", updatable = false)
    private Long reviewId;
    @Column(name = "merged_at", nullable = false, updatable = false)
    private Instant mergedAt;
    @Column(name = "merged_by", nullable = false, length = 100, updatable = false)
    private String mergedBy;
    @Column(name = "undone_at")
    private Instant undoneAt;
    @Column(name = "undone_by", length = 100)
    private String undoneBy;
    @Column(name = "undo_reason", length = 300)
    private String undoReason;

    protected PatientMerge() {
    }

    PatientMerge(long survivorId, long retiredId, String reason, Long reviewId, Instant at, String by) {
        this.survivorId = survivorId;
        this.retiredId = retiredId;
        this.reason = reason;
        this.reviewId = reviewId;
        this.mergedAt = at;
        this.mergedBy = by;
    }

    void undo(Instant at, String by, String why) {
        undoneAt = at;
        undoneBy = by;
        undoReason = why;
    }

    public Long getId() { return id; }
    public long getSurvivorId() { return survivorId; }
    public long getRetiredId() { return retiredId; }
    public String getReason() { return reason; }
    public Long getReviewId() { return reviewId; }
    public Instant getMergedAt() { return mergedAt; }
    public String getMergedBy() { return mergedBy; }
    public Instant getUndoneAt() { return undoneAt; }
    public String getUndoneBy() { return undoneBy; }
    public String getUndoReason() { return undoReason; }
}
