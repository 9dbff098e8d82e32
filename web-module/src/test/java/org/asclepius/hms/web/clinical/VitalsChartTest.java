package org.asclepius.hms.web.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.asclepius.hms.clinical.vitals.Observation;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.junit.jupiter.api.Test;

class VitalsChartTest {
    static final Instant T0 = Instant.parse("2030-05-06T08:00:00Z");

    static ObservationRecord value(long id, VitalSign kind, String value, String second, Instant at, boolean error) {
        return new ObservationRecord(id, 1, 2, id, kind, new BigDecimal(value),
                second == null ? null : new BigDecimal(second), kind.ucum(), false, at,
                error ? Observation.Status.ENTERED_IN_ERROR : Observation.Status.FINAL, error ? "typo" : null,
                "nurse", at, 0);
    }

    @Test
    void oneLineOverTheTimesTaken_withTheUnit_andValuesEnteredInErrorLeftOut() throws Exception {
        String json = VitalsChart.trend(VitalSign.PULSE, List.of(
                value(1, VitalSign.PULSE, "72", null, T0, false),
                value(2, VitalSign.PULSE, "300", null, T0.plusSeconds(600), true),
                value(3, VitalSign.PULSE, "88", null, T0.plusSeconds(3600), false)));
        JsonNode chart = new ObjectMapper().readTree(json);

        assertThat(chart.get("type").asText()).isEqualTo("line");
        assertThat(chart.at("/data/labels")).extracting(JsonNode::asText)
                .containsExactly(VitalsChart.label(T0), VitalsChart.label(T0.plusSeconds(3600)));
        JsonNode lines = chart.at("/data/datasets");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("label").asText()).isEqualTo("Pulse (/min)");
        assertThat(lines.get(0).get("data")).extracting(JsonNode::asInt).containsExactly(72, 88);
        assertThat(chart.at("/options/plugins/title/text").asText()).isEqualTo("Pulse (/min)");
        assertThat(chart.at("/options/plugins/legend/display").asBoolean()).isFalse();
    }

    @Test
    void bloodPressure_isTwoLines_systolicAndDiastolic() throws Exception {
        String json = VitalsChart.trend(VitalSign.BLOOD_PRESSURE, List.of(
                value(1, VitalSign.BLOOD_PRESSURE, "120", "80", T0, false),
                value(2, VitalSign.BLOOD_PRESSURE, "135", "85", T0.plusSeconds(60), false)));
        JsonNode lines = new ObjectMapper().readTree(json).at("/data/datasets");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("label").asText()).startsWith("Systolic");
        assertThat(lines.get(0).get("data")).extracting(JsonNode::asInt).containsExactly(120, 135);
        assertThat(lines.get(1).get("label").asText()).startsWith("Diastolic");
        assertThat(lines.get(1).get("data")).extracting(JsonNode::asInt).containsExactly(80, 85);
    }
}
