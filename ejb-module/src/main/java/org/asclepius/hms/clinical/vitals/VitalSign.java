package org.asclepius.hms.clinical.vitals;

import java.math.BigDecimal;
import org.asclepius.hms.observation.News2;

/**
 * The vital signs the chart records: their LOINC code (as the FHIR vital-signs profile names them), unit (UCUM
 * for exchange, a readable one for screens), the plausible range (a value outside is refused as a typing error —
 * the same ranges triage uses) and the decimals kept. Blood pressure is one observation with two values.
 */
public enum VitalSign {
    TEMPERATURE("8310-5", "Body temperature", "Cel", "°C", News2.TEMPERATURE_MIN, News2.TEMPERATURE_MAX, 1),
    PULSE("8867-4", "Heart rate", "/min", "/min", News2.PULSE_MIN, News2.PULSE_MAX, 0),
    RESPIRATION("9279-1", "Respiratory rate", "/min", "/min", News2.RR_MIN, News2.RR_MAX, 0),
    BLOOD_PRESSURE("85354-9", "Blood pressure panel with all children optional", "mm[Hg]", "mmHg",
            News2.SYSTOLIC_MIN, News2.SYSTOLIC_MAX, 0),
    SPO2("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", "%", News2.SPO2_MIN,
            News2.SPO2_MAX, 0),
    WEIGHT("29463-7", "Body weight", "kg", "kg", new BigDecimal("0.3"), new BigDecimal("400"), 1),
    HEIGHT("8302-2", "Body height", "cm", "cm", new BigDecimal("20"), new BigDecimal("260"), 1),
    BMI("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m²", new BigDecimal("5"), new BigDecimal("150"), 1),
    PAIN("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "{score}", "/10", 0, 10, 0);

    /** Systolic and diastolic components of the blood pressure panel. */
    public static final String SYSTOLIC_CODE = "8480-6";
    public static final String DIASTOLIC_CODE = "8462-4";
    public static final BigDecimal DIASTOLIC_MIN = new BigDecimal("20");
    public static final BigDecimal DIASTOLIC_MAX = new BigDecimal("180");

    private final String loinc;
    private final String display;
    private final String ucum;
    private final String unitLabel;
    private final BigDecimal min;
    private final BigDecimal max;
    private final int scale;

    VitalSign(String loinc, String display, String ucum, String unitLabel, BigDecimal min, BigDecimal max,
              int scale) {
        this.loinc = loinc;
        this.display = display;
        this.ucum = ucum;
        this.unitLabel = unitLabel;
        this.min = min;
        this.max = max;
        this.scale = scale;
    }

    VitalSign(String loinc, String display, String ucum, String unitLabel, int min, int max, int scale) {
        this(loinc, display, ucum, unitLabel, BigDecimal.valueOf(min), BigDecimal.valueOf(max), scale);
    }

    public String loinc() { return loinc; }
    public String display() { return display; }
    public String ucum() { return ucum; }
    public String unitLabel() { return unitLabel; }
    public BigDecimal min() { return min; }
    public BigDecimal max() { return max; }
    public int scale() { return scale; }

    /** The name on screens ("Blood pressure", "SpO2"…). */
    public String label() {
        return switch (this) {
            case TEMPERATURE -> "Temperature";
            case PULSE -> "Pulse";
            case RESPIRATION -> "Respiration";
            case BLOOD_PRESSURE -> "Blood pressure";
            case SPO2 -> "SpO2";
            case WEIGHT -> "Weight";
            case HEIGHT -> "Height";
            case BMI -> "BMI";
            case PAIN -> "Pain score";
        };
    }

    /** The vital sign with this LOINC code (the panel's or a component's), or null. */
    public static VitalSign byLoinc(String code) {
        if (SYSTOLIC_CODE.equals(code) || DIASTOLIC_CODE.equals(code)) {
            return BLOOD_PRESSURE;
        }
        for (VitalSign v : values()) {
            if (v.loinc.equals(code)) {
                return v;
            }
        }
        return null;
    }
}
