package org.asclepius.hms.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.asclepius.hms.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NEWS2 against the bands of the RCP 2017 chart: both sides of every boundary, the totals and the risk. */
class News2Test {
    /** All parameters normal: respiration 16, SpO2 97 on air, systolic 120, pulse 70, alert, 37.0 °C. */
    private static Vitals normal() {
        return new Vitals(16, 97, false, false, 120, 70, Consciousness.ALERT, new BigDecimal("37.0"));
    }

    private static Vitals with(Integer rr, Integer spo2, boolean scale2, Boolean oxygen, Integer sbp, Integer hr,
            Consciousness c, String temp) {
        return new Vitals(rr, spo2, scale2, oxygen, sbp, hr, c, temp == null ? null : new BigDecimal(temp));
    }

    @ParameterizedTest(name = "respiration {0}/min scores {1}")
    @CsvSource({"4,3", "8,3", "9,1", "11,1", "12,0", "20,0", "21,2", "24,2", "25,3", "60,3"})
    void respirationRate(int rr, int expected) {
        News2.Result r = News2.score(with(rr, 97, false, false, 120, 70, Consciousness.ALERT, "37.0"));
        assertThat(r.respiration()).isEqualTo(expected);
        assertThat(r.total()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "SpO2 scale 1 {0}% scores {1}")
    @CsvSource({"50,3", "91,3", "92,2", "93,2", "94,1", "95,1", "96,0", "100,0"})
    void spo2Scale1(int spo2, int expected) {
        assertThat(News2.score(with(16, spo2, false, false, 120, 70, Consciousness.ALERT, "37.0")).spo2())
                .isEqualTo(expected);
        // on scale 1 the saturation scores the same on oxygen; oxygen itself adds 2
        News2.Result onOxygen = News2.score(with(16, spo2, false, true, 120, 70, Consciousness.ALERT, "37.0"));
        assertThat(onOxygen.spo2()).isEqualTo(expected);
        assertThat(onOxygen.oxygen()).isEqualTo(2);
        assertThat(onOxygen.total()).isEqualTo(expected + 2);
    }

    @ParameterizedTest(name = "SpO2 scale 2 {0}% on oxygen={1} scores {2}")
    @CsvSource({"83,false,3", "83,true,3", "84,false,2", "85,true,2", "86,false,1", "87,true,1",
            "88,false,0", "92,true,0", "93,false,0", "100,false,0",
            "93,true,1", "94,true,1", "95,true,2", "96,true,2", "97,true,3", "100,true,3"})
    void spo2Scale2(int spo2, boolean oxygen, int expected) {
        assertThat(News2.score(with(16, spo2, true, oxygen, 120, 70, Consciousness.ALERT, "37.0")).spo2())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "systolic {0} mmHg scores {1}")
    @CsvSource({"50,3", "90,3", "91,2", "100,2", "101,1", "110,1", "111,0", "219,0", "220,3", "260,3"})
    void systolic(int sbp, int expected) {
        assertThat(News2.score(with(16, 97, false, false, sbp, 70, Consciousness.ALERT, "37.0")).systolic())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "pulse {0}/min scores {1}")
    @CsvSource({"20,3", "40,3", "41,1", "50,1", "51,0", "90,0", "91,1", "110,1", "111,2", "130,2", "131,3",
            "250,3"})
    void pulse(int hr, int expected) {
        assertThat(News2.score(with(16, 97, false, false, 120, hr, Consciousness.ALERT, "37.0")).pulse())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "temperature {0} °C scores {1}")
    @CsvSource({"30.0,3", "35.0,3", "35.04,3", "35.05,1", "35.1,1", "36.0,1", "36.1,0", "38.0,0", "38.1,1",
            "39.0,1", "39.1,2", "45.0,2"})
    void temperature(String celsius, int expected) {
        assertThat(News2.score(with(16, 97, false, false, 120, 70, Consciousness.ALERT, celsius)).temperature())
                .isEqualTo(expected);
    }

    @Test
    void consciousness_anythingButAlertScoresThree() {
        for (Consciousness c : Consciousness.values()) {
            assertThat(News2.score(with(16, 97, false, false, 120, 70, c, "37.0")).consciousness())
                    .as(c.label()).isEqualTo(c == Consciousness.ALERT ? 0 : 3);
        }
    }

    @Test
    void allNormal_isZeroAndLow() {
        News2.Result r = News2.score(normal());
        assertThat(r.total()).isZero();
        assertThat(r.risk()).isEqualTo(ClinicalRisk.LOW);
        assertThat(r.anySingleThree()).isFalse();
    }

    @Test
    void risk_bands() {
        // 4 without a single 3: low (respiration 21 → 2, pulse 111 → 2)
        News2.Result four = News2.score(with(21, 97, false, false, 120, 111, Consciousness.ALERT, "37.0"));
        assertThat(four.total()).isEqualTo(4);
        assertThat(four.risk()).isEqualTo(ClinicalRisk.LOW);
        // a single 3 with a total of 3: low-medium (new confusion)
        News2.Result confused = News2.score(with(16, 97, false, false, 120, 70, Consciousness.CONFUSION, "37.0"));
        assertThat(confused.total()).isEqualTo(3);
        assertThat(confused.risk()).isEqualTo(ClinicalRisk.LOW_MEDIUM);
        // a single 3 plus 1: total 4, still low-medium
        News2.Result four3 = News2.score(with(16, 97, false, false, 90, 91, Consciousness.ALERT, "37.0"));
        assertThat(four3.total()).isEqualTo(4);
        assertThat(four3.risk()).isEqualTo(ClinicalRisk.LOW_MEDIUM);
        // 5: medium (oxygen 2 + SpO2 93 → 2 + pulse 91 → 1)
        News2.Result five = News2.score(with(16, 93, false, true, 120, 91, Consciousness.ALERT, "37.0"));
        assertThat(five.total()).isEqualTo(5);
        assertThat(five.risk()).isEqualTo(ClinicalRisk.MEDIUM);
        // 6 including a single 3: medium, not low-medium
        News2.Result six = News2.score(with(16, 97, false, false, 90, 111, Consciousness.ALERT, "38.1"));
        assertThat(six.total()).isEqualTo(6);
        assertThat(six.risk()).isEqualTo(ClinicalRisk.MEDIUM);
        // 7: high
        News2.Result seven = News2.score(with(25, 91, false, false, 120, 91, Consciousness.ALERT, "37.0"));
        assertThat(seven.total()).isEqualTo(7);
        assertThat(seven.risk()).isEqualTo(ClinicalRisk.HIGH);
    }

    @Test
    void worstPossible_is20AndHigh() {
        News2.Result r = News2.score(with(60, 50, false, true, 50, 250, Consciousness.UNRESPONSIVE, "30.0"));
        assertThat(r.total()).isEqualTo(3 + 3 + 2 + 3 + 3 + 3 + 3);
        assertThat(r.risk()).isEqualTo(ClinicalRisk.HIGH);
    }

    @Test
    void riskFunction_boundaries() {
        assertThat(News2.risk(0, false)).isEqualTo(ClinicalRisk.LOW);
        assertThat(News2.risk(4, false)).isEqualTo(ClinicalRisk.LOW);
        assertThat(News2.risk(3, true)).isEqualTo(ClinicalRisk.LOW_MEDIUM);
        assertThat(News2.risk(5, false)).isEqualTo(ClinicalRisk.MEDIUM);
        assertThat(News2.risk(5, true)).isEqualTo(ClinicalRisk.MEDIUM);
        assertThat(News2.risk(6, true)).isEqualTo(ClinicalRisk.MEDIUM);
        assertThat(News2.risk(7, false)).isEqualTo(ClinicalRisk.HIGH);
    }

    @ParameterizedTest(name = "implausible {0}")
    @CsvSource({"respirationRate,3", "respirationRate,61", "spo2,49", "spo2,101", "systolic,49", "systolic,261",
            "pulse,19", "pulse,251", "temperature,29.9", "temperature,45.1"})
    void implausibleValues_areRefusedWithAFieldMessage(String field, String value) {
        Vitals v = switch (field) {
            case "respirationRate" -> with(Integer.valueOf(value), 97, false, false, 120, 70, Consciousness.ALERT,
                    "37.0");
            case "spo2" -> with(16, Integer.valueOf(value), false, false, 120, 70, Consciousness.ALERT, "37.0");
            case "systolic" -> with(16, 97, false, false, Integer.valueOf(value), 70, Consciousness.ALERT, "37.0");
            case "pulse" -> with(16, 97, false, false, 120, Integer.valueOf(value), Consciousness.ALERT, "37.0");
            default -> with(16, 97, false, false, 120, 70, Consciousness.ALERT, value);
        };
        assertThatThrownBy(() -> News2.score(v)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).getFieldErrors())
                        .containsOnlyKeys(field)
                        .hasValueSatisfying(new org.assertj.core.api.Condition<>(
                                m -> m.contains("not plausible") && m.contains(value), "names the value")));
    }

    @Test
    void missingValues_eachGetAMessage() {
        assertThat(News2.check(with(null, null, false, null, null, null, null, null)))
                .containsOnlyKeys("respirationRate", "spo2", "onOxygen", "systolic", "pulse", "consciousness",
                        "temperature");
        assertThat(News2.check(null)).containsOnlyKeys("vitals");
        assertThat(News2.check(normal())).isEmpty();
    }

    @Test
    void plausibleExtremes_areAccepted() {
        assertThat(News2.check(with(4, 50, false, false, 50, 20, Consciousness.ALERT, "30.0"))).isEmpty();
        assertThat(News2.check(with(60, 100, true, true, 260, 250, Consciousness.ALERT, "45.0"))).isEmpty();
    }
}
