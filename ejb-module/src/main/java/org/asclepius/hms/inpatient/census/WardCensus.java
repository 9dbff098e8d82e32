package org.asclepius.hms.inpatient.census;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A ward's midnight census of one day, kept once written (see V15 and docs/patient-flow-reports.md). Its key is
 * the day and the ward: the database refuses a second row for them, whichever node writes it.
 */
@Entity
@Table(name = "ward_census")
public class WardCensus {
    /** Who wrote the row: the nightly timer just after the day, or a later derivation from the stays. */
    public enum Source { NIGHTLY, BACKFILL }

    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        @Column(name = "census_date", nullable = false)
        private LocalDate censusDate;
        @Column(name = "ward_id", nullable = false)
        private Long wardId;

        protected Key() {
        }

        public Key(LocalDate censusDate, long wardId) {
            this.censusDate = censusDate;
            this.wardId = wardId;
        }

        public LocalDate getCensusDate() { return censusDate; }
        public Long getWardId() { return wardId; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(censusDate, k.censusDate) && Objects.equals(wardId, k.wardId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(censusDate, wardId);
        }
    }

    @EmbeddedId
    private Key id;
    @Column(name = "beds", nullable = false)
    private int beds;
    @Column(name = "beds_available", nullable = false)
    private int bedsAvailable;
    @Column(name = "occupied", nullable = false)
    private int occupied;
    @Column(name = "admissions", nullable = false)
    private int admissions;
    @Column(name = "discharges", nullable = false)
    private int discharges;
    @Column(name = "transfers_in", nullable = false)
    private int transfersIn;
    @Column(name = "transfers_out", nullable = false)
    private int transfersOut;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "source", nullable = false, length = 10)
    private Source source;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected WardCensus() {
    }

    public WardCensus(CensusCalculator.Counts c, Source source, Instant recordedAt) {
        this.id = new Key(c.date(), c.wardId());
        this.beds = c.beds();
        this.bedsAvailable = c.bedsAvailable();
        this.occupied = c.occupied();
        this.admissions = c.admissions();
        this.discharges = c.discharges();
        this.transfersIn = c.transfersIn();
        this.transfersOut = c.transfersOut();
        this.source = source;
        this.recordedAt = recordedAt;
    }

    public Key getId() { return id; }
    public int getBeds() { return beds; }
    public int getBedsAvailable() { return bedsAvailable; }
    public int getOccupied() { return occupied; }
    public int getAdmissions() { return admissions; }
    public int getDischarges() { return discharges; }
    public int getTransfersIn() { return transfersIn; }
    public int getTransfersOut() { return transfersOut; }
    public Source getSource() { return source; }
    public Instant getRecordedAt() { return recordedAt; }
}
