package org.asclepius.hms.patient.coverage;

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
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/** A patient's insurance coverage: who pays, under which plan and member ID, in which order, from when. */
@Entity
@Table(name = "coverage")
public class Coverage extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "coverage_seq")
    @SequenceGenerator(name = "coverage_seq", sequenceName = "coverage_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;

    @Column(name = "payer_name", nullable = false, length = 120)
    private String payerName;
    @Column(name = "plan_name", length = 120)
    private String planName;
    @Column(name = "member_id", nullable = false, length = 40)
    private String memberId;
    @Column(name = "subscriber_name", length = 120)
    private String subscriberName;
    @Enumerated(EnumType.STRING)
    @Column(name = "relationship", nullable = false, length = 10)
    private SubscriberRelationship relationship;
    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, length = 10)
    private CoveragePriority priority;
    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;
    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    protected Coverage() {
    }

    public Coverage(Patient patient, CoverageData data) {
        this.patient = patient;
        apply(data);
    }

    public final void apply(CoverageData d) {
        payerName = d.getPayerName().trim();
        planName = blankToNull(d.getPlanName());
        memberId = d.getMemberId().trim().toUpperCase(java.util.Locale.ROOT);
        relationship = d.getRelationship();
        subscriberName = relationship == SubscriberRelationship.SELF ? null : blankToNull(d.getSubscriberName());
        priority = d.getPriority();
        effectiveFrom = d.getEffectiveFrom();
        effectiveTo = d.getEffectiveTo();
    }

    /** True when the two periods share at least one day (an open end runs forever). */
    public boolean overlaps(LocalDate from, LocalDate to) {
        boolean startsBeforeOtherEnds = to == null || !effectiveFrom.isAfter(to);
        boolean endsAfterOtherStarts = effectiveTo == null || !effectiveTo.isBefore(from);
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public String getPayerName() { return payerName; }
    public String getPlanName() { return planName; }
    public String getMemberId() { return memberId; }
    public String getSubscriberName() { return subscriberName; }
    public SubscriberRelationship getRelationship() { return relationship; }
    public CoveragePriority getPriority() { return priority; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public LocalDate getEffectiveTo() { return effectiveTo; }
}
