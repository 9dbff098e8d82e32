package org.asclepius.hms.inpatient.census;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The reports as CSV (RFC 4180: comma, CRLF, quotes where needed; Apache Commons CSV), one header row, numbers in
 * plain notation with a dot, dates as yyyy-MM-dd, an empty cell where a value does not exist (occupancy without
 * available beds, the mean of no stays). Pure.
 */
public final class CensusCsv {
    /** Which report. */
    public enum Report {
        CENSUS("ward-census"), LENGTH_OF_STAY("length-of-stay"), MOVEMENTS("admissions-discharges");

        private final String fileStem;

        Report(String fileStem) {
            this.fileStem = fileStem;
        }

        public String fileStem() {
            return fileStem;
        }
    }

    static final String[] CENSUS_HEADER = {"date", "ward_code", "ward_name", "beds", "beds_available",
        "occupied_at_midnight", "occupancy_percent", "admissions", "discharges", "transfers_in", "transfers_out",
        "source"};
    static final String[] LOS_HEADER = {"ward_code", "ward_name", "discharges", "average_length_of_stay_days"};
    static final String[] MOVEMENTS_HEADER = {"date", "admissions", "discharges", "transfers_in", "transfers_out",
        "occupied_at_midnight"};

    private CensusCsv() {
    }

    public static String census(List<CensusRecord> rows) {
        return write(CENSUS_HEADER, printer -> {
            for (CensusRecord r : rows) {
                printer.printRecord(r.date(), r.wardCode(), r.wardName(), r.beds(), r.bedsAvailable(), r.occupied(),
                        number(r.occupancyPercent()), r.admissions(), r.discharges(), r.transfersIn(),
                        r.transfersOut(), r.source().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    /** The wards' rows, then the overall row (ward code "ALL"). */
    public static String lengthOfStay(List<LengthOfStayRecord> rows) {
        return write(LOS_HEADER, printer -> {
            for (LengthOfStayRecord r : rows) {
                printer.printRecord(r.overall() ? "ALL" : r.wardCode(), r.overall() ? "All wards" : r.wardName(),
                        r.discharges(), number(r.averageDays()));
            }
        });
    }

    public static String movements(List<DailyMovementRecord> rows) {
        return write(MOVEMENTS_HEADER, printer -> {
            for (DailyMovementRecord r : rows) {
                printer.printRecord(r.date(), r.admissions(), r.discharges(), r.transfersIn(), r.transfersOut(),
                        r.occupied());
            }
        });
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
