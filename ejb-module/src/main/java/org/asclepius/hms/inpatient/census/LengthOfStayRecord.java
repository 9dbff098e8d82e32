package org.asclepius.hms.inpatient.census;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Average length of stay of the admissions discharged in a period, from one ward (the ward of the bed the patient
 * left) or from all ({@code wardId} null): how many, and their mean stay in days with one decimal (null for none).
 */
public record LengthOfStayRecord(Long wardId, String wardCode, String wardName, int discharges,
        BigDecimal averageDays) implements Serializable {
    public boolean overall() {
        return wardId == null;
    }
}
