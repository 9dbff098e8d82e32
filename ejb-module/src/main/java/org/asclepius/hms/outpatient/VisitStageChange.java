package org.asclepius.hms.outpatient;

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

/** A visit reached a stage (or was triaged again): who, when, and a note. Never changed afterwards. */
@Entity
@Table(name = "visit_stage_change")
public class VisitStageChange {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_seq")
    @SequenceGenerator(name = "visit_seq", sequenceName = "visit_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "visit_id", nullable = false)
    private Visit visit;
    @Enumerated(EnumType.STRING)
    @Column(name = "stage", nullable = false, length = 20)
    private VisitStage stage;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;
    @Column(name = "note", length = 300)
    private String note;

    protected VisitStageChange() {
    }

    public VisitStageChange(Visit visit, String user, Instant at, String note) {
        this.visit = visit;
        this.stage = visit.getStage();
        this.changedBy = user;
        this.changedAt = at;
        this.note = note;
    }

    public Long getId() { return id; }
    public VisitStage getStage() { return stage; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
    public String getNote() { return note; }
}
