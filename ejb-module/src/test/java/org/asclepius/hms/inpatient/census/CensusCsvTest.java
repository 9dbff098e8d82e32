package org.asclepius.hms.inpatient.census;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CensusCsvTest {
    static final LocalDate DAY = LocalDate.of(2030, 5, 6);

    static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void census_hasAHeader_quotesWhatNeedsIt_andLeavesUndefinedOccupancyEmpty() throws IOException {
        String csv = CensusCsv.census(List.of(
                new CensusRecord(DAY, 1, "MED-1", "Medicine, \"East\"", 10, 8, 6, new BigDecimal("75.0"), 2, 1, 0, 1,
                        WardCensus.Source.NIGHTLY),
                new CensusRecord(DAY, 2, "OLD", "Closed ward", 4, 0, 0, null, 0, 0, 0, 0,
                        WardCensus.Source.BACKFILL)));

        assertThat(csv).startsWith("date,ward_code,ward_name,beds,beds_available,occupied_at_midnight,"
                + "occupancy_percent,admissions,discharges,transfers_in,transfers_out,source\r\n");
        assertThat(csv).contains("2030-05-06,MED-1,\"Medicine, \"\"East\"\"\",10,8,6,75.0,2,1,0,1,nightly\r\n");
        assertThat(csv).endsWith("2030-05-06,OLD,Closed ward,4,0,0,,0,0,0,0,backfill\r\n");
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("ward_name")).isEqualTo("Medicine, \"East\"");
        assertThat(rows.get(1).get("occupancy_percent")).isEmpty();
    }

    @Test
    void lengthOfStay_listsTheWardsThenAllWards() throws IOException {
        List<CSVRecord> rows = parse(CensusCsv.lengthOfStay(List.of(
                new LengthOfStayRecord(1L, "MED-1", "Medicine", 3, new BigDecimal("4.2")),
                new LengthOfStayRecord(null, null, null, 3, new BigDecimal("4.2")))));
        assertThat(rows).extracting(r -> r.get("ward_code")).containsExactly("MED-1", "ALL");
        assertThat(rows.get(1).get("ward_name")).isEqualTo("All wards");
        assertThat(rows.get(0).get("average_length_of_stay_days")).isEqualTo("4.2");
    }

    @Test
    void movements_oneRowPerDay() throws IOException {
        String csv = CensusCsv.movements(List.of(new DailyMovementRecord(DAY, 3, 2, 1, 1, 17),
                new DailyMovementRecord(DAY.plusDays(1), 0, 0, 0, 0, 17)));
        assertThat(csv).isEqualTo("date,admissions,discharges,transfers_in,transfers_out,occupied_at_midnight\r\n"
                + "2030-05-06,3,2,1,1,17\r\n2030-05-07,0,0,0,0,17\r\n");
        assertThat(parse(csv)).hasSize(2);
    }
}
