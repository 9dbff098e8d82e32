package org.asclepius.hms.clinical.vitals;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One set of vital signs as a nurse enters it: any of them (at least one), taken at a time (null: now), in an
 * encounter. Temperature °C, pulse and respiration per minute, blood pressure mmHg, SpO2 %, weight kg, height cm,
 * pain 0–10. BMI is derived from the weight and the height (this set's or the latest recorded).
 */
public record VitalSignsEntry(Long encounterId, Instant takenAt, BigDecimal temperature, Integer pulse,
        Integer respiration, Integer systolic, Integer diastolic, Integer spo2, BigDecimal weight, BigDecimal height,
        Integer pain) implements Serializable {
}
