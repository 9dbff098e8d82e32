package org.asclepius.hms.observation;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One set of observations, as NEWS2 needs them. Values are boxed so that a missing one is reported as missing
 * rather than read as zero.
 *
 * @param respirationRate breaths per minute
 * @param spo2            oxygen saturation in percent
 * @param hypercapnic     the patient has hypercapnic respiratory failure and a prescribed target of 88–92 %:
 *                        SpO2 is scored on scale 2 (a clinician's decision)
 * @param onOxygen        breathing supplemental oxygen (false: room air)
 * @param systolic        systolic blood pressure in mmHg
 * @param pulse           beats per minute
 * @param consciousness   ACVPU
 * @param temperature     degrees Celsius (scored to one decimal)
 */
public record Vitals(Integer respirationRate, Integer spo2, boolean hypercapnic, Boolean onOxygen, Integer systolic,
        Integer pulse, Consciousness consciousness, BigDecimal temperature) implements Serializable {
}
