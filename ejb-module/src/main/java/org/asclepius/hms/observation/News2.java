package org.asclepius.hms.observation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asclepius.hms.shared.InvalidInputException;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017): seven parameters scored 0–3 by the
 * chart's bands, their sum, and the clinical risk it stands for. Pure: no state, no clock, no database.
 * Values outside what a living patient can plausibly show are refused with one message per field (a typing
 * error must not produce a reassuring score).
 */
public final class News2 {
    /** Plausible ranges; a value outside is refused as a typing error. */
    public static final int RR_MIN = 4;
    public static final int RR_MAX = 60;
    public static final int SPO2_MIN = 50;
    public static final int SPO2_MAX = 100;
    public static final int SYSTOLIC_MIN = 50;
    public static final int SYSTOLIC_MAX = 260;
    public static final int PULSE_MIN = 20;
    public static final int PULSE_MAX = 250;
    public static final BigDecimal TEMPERATURE_MIN = new BigDecimal("30.0");
    public static final BigDecimal TEMPERATURE_MAX = new BigDecimal("45.0");

    /** The score of each parameter, the total and the risk. */
    public record Result(int respiration, int spo2, int oxygen, int systolic, int pulse, int consciousness,
            int temperature, int total, ClinicalRisk risk) {
        /** True when any single parameter scores 3 (the "red score" of the chart). */
        public boolean anySingleThree() {
            return respiration == 3 || spo2 == 3 || systolic == 3 || pulse == 3 || consciousness == 3
                    || temperature == 3;
        }
    }

    private News2() {
    }

    /** Scores the observations; refuses missing or implausible values with field messages. */
    public static Result score(Vitals v) {
        Map<String, String> errors = check(v);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int rr = respiration(v.respirationRate());
        int sat = v.hypercapnic() ? spo2Scale2(v.spo2(), v.onOxygen()) : spo2Scale1(v.spo2());
        int air = v.onOxygen() ? 2 : 0;
        int sbp = systolic(v.systolic());
        int hr = pulse(v.pulse());
        int acvpu = v.consciousness() == Consciousness.ALERT ? 0 : 3;
        int temp = temperature(v.temperature());
        int total = rr + sat + air + sbp + hr + acvpu + temp;
        Result partial = new Result(rr, sat, air, sbp, hr, acvpu, temp, total, ClinicalRisk.LOW);
        return new Result(rr, sat, air, sbp, hr, acvpu, temp, total, risk(total, partial.anySingleThree()));
    }

    /** The field messages for missing or implausible values (empty when the set can be scored). */
    public static Map<String, String> check(Vitals v) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (v == null) {
            errors.put("vitals", "enter the observations");
            return errors;
        }
        range(errors, "respirationRate", v.respirationRate(), RR_MIN, RR_MAX, "breaths/min");
        range(errors, "spo2", v.spo2(), SPO2_MIN, SPO2_MAX, "%");
        if (v.onOxygen() == null) {
            errors.put("onOxygen", "say whether the patient is on air or oxygen");
        }
        range(errors, "systolic", v.systolic(), SYSTOLIC_MIN, SYSTOLIC_MAX, "mmHg");
        range(errors, "pulse", v.pulse(), PULSE_MIN, PULSE_MAX, "beats/min");
        if (v.consciousness() == null) {
            errors.put("consciousness", "choose the level of consciousness (ACVPU)");
        }
        if (v.temperature() == null) {
            errors.put("temperature", "enter the temperature");
        } else if (v.temperature().compareTo(TEMPERATURE_MIN) < 0 || v.temperature().compareTo(TEMPERATURE_MAX) > 0) {
            errors.put("temperature", v.temperature().stripTrailingZeros().toPlainString()
                    + " °C is not plausible; enter a value from 30 to 45 °C");
        }
        return errors;
    }

    private static void range(Map<String, String> errors, String field, Integer value, int min, int max,
            String unit) {
        if (value == null) {
            errors.put(field, "enter the value");
        } else if (value < min || value > max) {
            errors.put(field, value + " " + unit + " is not plausible; enter a value from " + min + " to " + max);
        }
    }

    /** Low 0–4; low-medium when a single parameter scores 3 and the total is below 5; medium 5–6; high 7+. */
    public static ClinicalRisk risk(int total, boolean anySingleThree) {
        if (total >= 7) {
            return ClinicalRisk.HIGH;
        }
        if (total >= 5) {
            return ClinicalRisk.MEDIUM;
        }
        return anySingleThree ? ClinicalRisk.LOW_MEDIUM : ClinicalRisk.LOW;
    }

    static int respiration(int rr) {
        if (rr <= 8) {
            return 3;
        }
        if (rr <= 11) {
            return 1;
        }
        if (rr <= 20) {
            return 0;
        }
        return rr <= 24 ? 2 : 3;
    }

    static int spo2Scale1(int spo2) {
        if (spo2 <= 91) {
            return 3;
        }
        if (spo2 <= 93) {
            return 2;
        }
        return spo2 <= 95 ? 1 : 0;
    }

    /**
     * Scale 2 (target 88–92 %): low saturations score as on scale 1 but lower down; 93 % and above score 0 on air,
     * and 1/2/3 on oxygen (93–94, 95–96, 97+), since over-oxygenation is the danger for these patients.
     */
    static int spo2Scale2(int spo2, boolean onOxygen) {
        if (spo2 <= 83) {
            return 3;
        }
        if (spo2 <= 85) {
            return 2;
        }
        if (spo2 <= 87) {
            return 1;
        }
        if (spo2 <= 92 || !onOxygen) {
            return 0;
        }
        if (spo2 <= 94) {
            return 1;
        }
        return spo2 <= 96 ? 2 : 3;
    }

    static int systolic(int sbp) {
        if (sbp <= 90) {
            return 3;
        }
        if (sbp <= 100) {
            return 2;
        }
        if (sbp <= 110) {
            return 1;
        }
        return sbp <= 219 ? 0 : 3;
    }

    static int pulse(int hr) {
        if (hr <= 40) {
            return 3;
        }
        if (hr <= 50) {
            return 1;
        }
        if (hr <= 90) {
            return 0;
        }
        if (hr <= 110) {
            return 1;
        }
        return hr <= 130 ? 2 : 3;
    }

    /** Scored to one decimal (half up), as the chart's bands are written: ≤35.0, 35.1–36.0, …, ≥39.1. */
    static int temperature(BigDecimal celsius) {
        BigDecimal t = celsius.setScale(1, RoundingMode.HALF_UP);
        if (t.compareTo(new BigDecimal("35.0")) <= 0) {
            return 3;
        }
        if (t.compareTo(new BigDecimal("36.0")) <= 0) {
            return 1;
        }
        if (t.compareTo(new BigDecimal("38.0")) <= 0) {
            return 0;
        }
        return t.compareTo(new BigDecimal("39.0")) <= 0 ? 1 : 2;
    }
}
