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
import java.time.Instant;

/** One step of an appointment's history: its status (and time) before and after, who, when and why. */
@Entity
@Table(name = "appointment_status_change")
public class AppointmentStatusChange {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_id", nullable = false)
    private Appointment appointment;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 20)
    private AppointmentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 20)
    private AppointmentStatus toStatus;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "reason", length = 300)
    private String reason;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    protected AppointmentStatusChange() {
    }

    public AppointmentStatusChange(Appointment appointment, AppointmentStatus from, String reason, String user,
            Instant now) {
        this.appointment = appointment;
        this.fromStatus = from;
        this.toStatus = appointment.getStatus();
        this.startsAt = appointment.getStartsAt();
        this.reason = reason;
        this.changedBy = user;
        this.changedAt = now;
    }

    public AppointmentStatus getFromStatus() { return fromStatus; }
    public AppointmentStatus getToStatus() { return toStatus; }
    public Instant getStartsAt() { return startsAt; }
    public String getReason() { return reason; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
}
