package org.asclepius.hms.web.inpatient;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.inpatient.census.CensusCsv;
import org.asclepius.hms.inpatient.census.CensusRecord;
import org.asclepius.hms.inpatient.census.DailyMovementRecord;
import org.asclepius.hms.inpatient.census.LengthOfStayRecord;
import org.asclepius.hms.inpatient.census.PatientFlowReports;
import org.asclepius.hms.inpatient.census.WardOption;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * /inpatient/census.xhtml[?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;ward=ID]: the midnight census of the wards over a
 * period (the last 14 days by default) — occupancy per ward as a line chart and a table, the average length of
 * stay of the discharges, admissions and discharges per day — each downloadable as CSV.
 */
@Named
@ViewScoped
public class CensusView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "censusForm";
    static final int DEFAULT_DAYS = 14;
    static final FieldMessages FIELDS = new FieldMessages.Builder()
            .field("from", "censusFrom", "From")
            .field("to", "censusTo", "To")
            .field("report", "censusFrom", "Report")
            .build();

    @Inject
    PatientFlowReports reports;

    private LocalDate from;
    private LocalDate to;
    private Long ward;
    private List<WardOption> wards = List.of();
    private List<CensusRecord> census = List.of();
    private List<LengthOfStayRecord> lengthOfStay = List.of();
    private List<DailyMovementRecord> movements = List.of();
    private String chart;

    /** viewAction. */
    public void load() {
        wards = reports.wards();
        LocalDate yesterday = LocalDate.now(TimeFormat.hospitalZone()).minusDays(1);
        if (to == null) {
            to = yesterday;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        show();
    }

    /** Reads the three reports for the period and the ward. */
    public void show() {
        try {
            census = reports.census(from, to, ward);
            lengthOfStay = reports.lengthOfStay(from, to, ward);
            movements = reports.dailyMovements(from, to, ward);
            chart = CensusChart.occupancy(census);
        } catch (InvalidInputException e) {
            census = List.of();
            lengthOfStay = List.of();
            movements = List.of();
            chart = null;
            FIELDS.show(FacesContext.getCurrentInstance(), FORM, e);
        }
    }

    public StreamedContent getCensusCsv() {
        return csv(CensusCsv.Report.CENSUS);
    }

    public StreamedContent getLengthOfStayCsv() {
        return csv(CensusCsv.Report.LENGTH_OF_STAY);
    }

    public StreamedContent getMovementsCsv() {
        return csv(CensusCsv.Report.MOVEMENTS);
    }

    /** The report as a CSV file named after it and the period (read when the download is asked for). */
    private StreamedContent csv(CensusCsv.Report report) {
        LocalDate f = from;
        LocalDate t = to;
        Long w = ward;
        PatientFlowReports service = reports;
        return DefaultStreamedContent.builder()
                .name(report.fileStem() + "_" + f + "_" + t + (w == null ? "" : "_ward-" + w) + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(service.csv(report, f, t, w).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    public boolean isEmpty() {
        return census.isEmpty();
    }

    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
    public Long getWard() { return ward; }
    public void setWard(Long ward) { this.ward = ward; }
    public List<WardOption> getWards() { return wards; }
    public List<CensusRecord> getCensus() { return census; }
    public List<LengthOfStayRecord> getLengthOfStay() { return lengthOfStay; }
    public List<DailyMovementRecord> getMovements() { return movements; }
    public String getChart() { return chart; }
}
