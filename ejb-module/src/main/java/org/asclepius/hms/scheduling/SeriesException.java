package org.asclepius.hms.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An occurrence of a series that was left out, and why. */
@Entity
@Table(name = "appointment_series_exception")
@IdClass(SeriesException.Key.class)
public class SeriesException {
    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_id")
    private AppointmentSeries series;
    @Id
    @Column(name = "occurrence")
    private int occurrence;
    @Column(name = "planned_start", nullable = false)
    private Instant plannedStart;
    @Column(name = "reason", nullable = false, length = 300)
    private String reason;

    protected SeriesException() {
    }

    public SeriesException(AppointmentSeries series, int occurrence, Instant plannedStart, String reason) {
        this.series = series;
        this.occurrence = occurrence;
        this.plannedStart = plannedStart;
        this.reason = reason;
    }

    public int getOccurrence() { return occurrence; }
    public Instant getPlannedStart() { return plannedStart; }
    public String getReason() { return reason; }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long series;
        private int occurrence;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(series, k.series) && occurrence == k.occurrence;
        }

        @Override
        public int hashCode() {
            return Objects.hash(series, occurrence);
        }
    }
}
