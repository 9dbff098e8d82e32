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
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A piece of a resource's working time, derived from its working hours and exceptions by {@link SlotPlanner}.
 * Bookings lock the slot row, count themselves in {@code booked} and take a lane in {@code appointment_slot}.
 */
@Entity
@Table(name = "slot")
public class Slot {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "resource_id", nullable = false)
    private SchedulableResource resource;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private SlotStatus status;
    @Column(name = "booked", nullable = false)
    private int booked;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Slot() {
    }

    public Slot(SchedulableResource resource, PlannedSlot planned) {
        this.resource = resource;
        this.startsAt = planned.start();
        this.endsAt = planned.end();
        this.status = planned.blocked() ? SlotStatus.BLOCKED : SlotStatus.OPEN;
    }

    void setStatus(SlotStatus status) {
        this.status = status;
    }

    void hold() {
        booked++;
    }

    void release() {
        booked--;
    }

    public Long getId() { return id; }
    public SchedulableResource getResource() { return resource; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public SlotStatus getStatus() { return status; }
    public int getBooked() { return booked; }
}
