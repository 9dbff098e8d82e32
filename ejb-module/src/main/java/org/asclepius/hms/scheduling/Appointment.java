package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/** A patient's booking of a service with one resource of each kind the service needs. */
@Entity
@Table(name = "appointment")
public class Appointment extends TrackedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_code", nullable = false)
    private ServiceType service;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private AppointmentStatus status;
    @Column(name = "note", length = 300)
    private String note;
    @Column(name = "cancel_reason", length = 300)
    private String cancelReason;
    @Column(name = "overbook_reason", length = 300)
    private String overbookReason;
    @Column(name = "overlap_reason", length = 300)
    private String overlapReason;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    private AppointmentSeries series;
    @Column(name = "occurrence")
    private Integer occurrence;
    @Column(name = "offer_expires_at")
    private Instant offerExpiresAt;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "appointment_resource", joinColumns = @JoinColumn(name = "appointment_id"),
            inverseJoinColumns = @JoinColumn(name = "resource_id"))
    private Set<SchedulableResource> resources = new LinkedHashSet<>();

    protected Appointment() {
    }

    public Appointment(Patient patient, ServiceType service, Set<SchedulableResource> resources,
            AppointmentStatus status) {
        this.patient = patient;
        this.service = service;
        this.resources.addAll(resources);
        this.status = status;
    }

    void place(Instant start, Instant end, Set<SchedulableResource> at, String overbook, String overlap) {
        this.startsAt = start;
        this.endsAt = end;
        this.resources.clear();
        this.resources.addAll(at);
        this.overbookReason = overbook;
        this.overlapReason = overlap;
    }

    void setStatus(AppointmentStatus status) {
        this.status = status;
    }

    void setNote(String note) {
        this.note = note;
    }

    void setCancelReason(String reason) {
        this.cancelReason = reason;
    }

    void setSeries(AppointmentSeries series, int occurrence) {
        this.series = series;
        this.occurrence = occurrence;
    }

    void setOfferExpiresAt(Instant expiresAt) {
        this.offerExpiresAt = expiresAt;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public ServiceType getService() { return service; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public AppointmentStatus getStatus() { return status; }
    public String getNote() { return note; }
    public String getCancelReason() { return cancelReason; }
    public String getOverbookReason() { return overbookReason; }
    public String getOverlapReason() { return overlapReason; }
    public AppointmentSeries getSeries() { return series; }
    public Integer getOccurrence() { return occurrence; }
    public Instant getOfferExpiresAt() { return offerExpiresAt; }
    public Set<SchedulableResource> getResources() { return resources; }
}
