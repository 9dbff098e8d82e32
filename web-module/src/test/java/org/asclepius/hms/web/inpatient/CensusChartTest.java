package org.asclepius.hms.web.inpatient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.inpatient.census.CensusRecord;
import org.asclepius.hms.inpatient.census.WardCensus;
import org.junit.jupiter.api.Test;

class CensusChartTest {
    static final LocalDate DAY = LocalDate.of(2030, 5, 6);

    static CensusRecord row(LocalDate day, String ward, String percent) {
        return new CensusRecord(day, ward.hashCode(), ward, ward, 4, 4, 2, percent == null ? null
                : new BigDecimal(percent), 0, 0, 0, 0, WardCensus.Source.NIGHTLY);
    }

    @Test
    void oneLinePerWard_overTheDays_withAGapWhereNoBedWasAvailable() throws Exception {
        String json = CensusChart.occupancy(List.of(row(DAY, "SURG", "50.0"), row(DAY, "MED", "75.0"),
                row(DAY.plusDays(1), "MED", null), row(DAY.plusDays(1), "SURG", "100.0")));
        JsonNode chart = new ObjectMapper().readTree(json);

        assertThat(chart.get("type").asText()).isEqualTo("line");
        assertThat(chart.at("/data/labels")).extracting(JsonNode::asText)
                .containsExactly("2030-05-06", "2030-05-07");
        JsonNode lines = chart.at("/data/datasets");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("label").asText()).isEqualTo("MED");
        assertThat(lines.get(0).get("data").get(0).asDouble()).isEqualTo(75.0);
        assertThat(lines.get(0).get("data").get(1).isNull()).isTrue();
        assertThat(lines.get(1).get("label").asText()).isEqualTo("SURG");
        assertThat(lines.get(1).get("data")).extracting(JsonNode::asDouble).containsExactly(50.0, 100.0);
        assertThat(chart.at("/options/scales/y/beginAtZero").asBoolean()).isTrue();
    }
}
