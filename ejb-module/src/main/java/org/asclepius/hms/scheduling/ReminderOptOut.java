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
import java.time.Instant;
import org.asclepius.hms.patient.Patient;

/** The patient asked not to get appointment reminders. */
@Entity
@Table(name = "reminder_opt_out")
public class ReminderOptOut {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_id", nullable = false)
    private Patient patient;
    @Column(name = "since", nullable = false)
    private Instant since;
    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected ReminderOptOut() {
    }

    public ReminderOptOut(Patient patient, String user, Instant now) {
        this.patient = patient;
        this.recordedBy = user;
        this.since = now;
    }
}
