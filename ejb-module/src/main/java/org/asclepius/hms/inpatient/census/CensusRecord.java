package org.asclepius.hms.inpatient.census;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ward's midnight census of one day: beds, beds available (not blocked, ward open), patients in a bed at the
 * midnight ending the day, occupancy (occupied / available, %, one decimal; null when no bed was available) and the
 * day's movements. No patient data.
 */
public record CensusRecord(LocalDate date, long wardId, String wardCode, String wardName, int beds,
        int bedsAvailable, int occupied, BigDecimal occupancyPercent, int admissions, int discharges, int transfersIn,
        int transfersOut, WardCensus.Source source) implements Serializable {

    static CensusRecord of(WardCensus c, WardOption ward) {
        return new CensusRecord(c.getId().getCensusDate(), ward.id(), ward.code(), ward.name(), c.getBeds(),
                c.getBedsAvailable(), c.getOccupied(),
                CensusCalculator.occupancyPercent(c.getOccupied(), c.getBedsAvailable()), c.getAdmissions(),
                c.getDischarges(), c.getTransfersIn(), c.getTransfersOut(), c.getSource());
    }
}
