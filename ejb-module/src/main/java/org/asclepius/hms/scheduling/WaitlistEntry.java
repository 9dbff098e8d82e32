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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/**
 * A patient waiting for a service (with a given resource, or any that offers it) between two dates. When a
 * matching slot frees up, the first entry in line is offered it: the offer is an appointment in status PROPOSED
 * that holds the slot until the patient answers or the offer expires.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends TrackedEntity {
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
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "resource_id")
    private SchedulableResource resource;
    @Column(name = "earliest", nullable = false)
    private LocalDate earliest;
    @Column(name = "latest", nullable = false)
    private LocalDate latest;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private WaitlistStatus status = WaitlistStatus.WAITING;
    @Column(name = "note", length = 300)
    private String note;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offer_appointment_id")
    private Appointment offer;

    protected WaitlistEntry() {
    }

    public WaitlistEntry(Patient patient, ServiceType service, SchedulableResource resource, LocalDate earliest,
            LocalDate latest, String note) {
        this.patient = patient;
        this.service = service;
        this.resource = resource;
        this.earliest = earliest;
        this.latest = latest;
        this.note = note;
    }

    void offer(Appointment proposed) {
        this.offer = proposed;
        this.status = WaitlistStatus.OFFERED;
    }

    void backToWaiting() {
        this.status = WaitlistStatus.WAITING;
    }

    void booked() {
        this.status = WaitlistStatus.BOOKED;
    }

    void remove() {
        this.status = WaitlistStatus.REMOVED;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public ServiceType getService() { return service; }
    public SchedulableResource getResource() { return resource; }
    public LocalDate getEarliest() { return earliest; }
    public LocalDate getLatest() { return latest; }
    public WaitlistStatus getStatus() { return status; }
    public String getNote() { return note; }
    public Appointment getOffer() { return offer; }
}
