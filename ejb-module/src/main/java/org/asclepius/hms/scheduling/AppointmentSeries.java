package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.TrackedEntity;

/** A recurring series (e.g. weekly physiotherapy × 10): its occurrences are appointments of their own. */
@Entity
@Table(name = "appointment_series")
public class AppointmentSeries extends TrackedEntity {
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
    @Column(name = "every_weeks", nullable = false)
    private int everyWeeks;
    @Column(name = "occurrences", nullable = false)
    private int occurrences;

    protected AppointmentSeries() {
    }

    public AppointmentSeries(Patient patient, ServiceType service, int everyWeeks, int occurrences) {
        this.patient = patient;
        this.service = service;
        this.everyWeeks = everyWeeks;
        this.occurrences = occurrences;
    }

    public Long getId() { return id; }
    public Patient getPatient() { return patient; }
    public ServiceType getService() { return service; }
    public int getEveryWeeks() { return everyWeeks; }
    public int getOccurrences() { return occurrences; }
}
