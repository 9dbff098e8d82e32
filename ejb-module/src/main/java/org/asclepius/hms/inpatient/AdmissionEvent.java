package org.asclepius.hms.inpatient;

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

/** One step in the history of an admission: what, when, by whom, in which bed, and why (for cancellations). */
@Entity
@Table(name = "admission_event")
public class AdmissionEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "encounter_seq")
    @SequenceGenerator(name = "encounter_seq", sequenceName = "encounter_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "admission_id", nullable = false)
    private Admission admission;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private AdmissionEventKind kind;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "user_name", nullable = false, length = 100)
    private String userName;
    @Column(name = "bed", length = 70)
    private String bed;
    @Column(name = "detail", length = 300)
    private String detail;

    protected AdmissionEvent() {
    }

    AdmissionEvent(Admission admission, AdmissionEventKind kind, Instant at, String user, String bed, String detail) {
        this.admission = admission;
        this.kind = kind;
        this.occurredAt = at;
        this.userName = user;
        this.bed = bed;
        this.detail = detail;
    }

    public AdmissionEventKind getKind() { return kind; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getUserName() { return userName; }
    public String getBed() { return bed; }
    public String getDetail() { return detail; }
}
