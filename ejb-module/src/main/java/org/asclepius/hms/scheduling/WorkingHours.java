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
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One period of a weekday during which a resource works, in the hospital's local time. */
@Entity
@Table(name = "working_hours")
public class WorkingHours {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "schedule_seq")
    @SequenceGenerator(name = "schedule_seq", sequenceName = "schedule_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "resource_id", nullable = false)
    private SchedulableResource resource;
    @Column(name = "weekday", nullable = false)
    private short weekday;
    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;
    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    protected WorkingHours() {
    }

    public WorkingHours(SchedulableResource resource, WeeklyPeriod period) {
        this.resource = resource;
        this.weekday = (short) period.day().getValue();
        this.startTime = period.start();
        this.endTime = period.end();
    }

    public WeeklyPeriod period() {
        return new WeeklyPeriod(DayOfWeek.of(weekday), startTime, endTime);
    }

    public SchedulableResource getResource() { return resource; }
}
