package org.asclepius.hms.inpatient.census;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A day's admissions and discharges (and the patients in a bed at its closing midnight), over the wards of a
 * report. Transfers between those wards are not admissions: an admission is counted once, in the ward it began in.
 */
public record DailyMovementRecord(LocalDate date, int admissions, int discharges, int transfersIn, int transfersOut,
        int occupied) implements Serializable {
}
