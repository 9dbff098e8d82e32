package org.asclepius.hms.web.inpatient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.asclepius.hms.inpatient.census.CensusRecord;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

/**
 * The Chart.js configuration of the occupancy chart ({@code p:chart}): one line per ward, occupancy % at each
 * day's closing midnight, a gap where a ward had no available bed. Pure.
 */
final class CensusChart {
    private CensusChart() {
    }

    static String occupancy(List<CensusRecord> rows) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, Map<LocalDate, BigDecimal>> byWard = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing(CensusRecord::wardCode)).forEach(r -> {
            days.add(r.date());
            byWard.computeIfAbsent(r.wardCode(), w -> new LinkedHashMap<>()).put(r.date(), r.occupancyPercent());
        });
        LineData data = new LineData().setLabels(days.stream().map(LocalDate::toString).toList());
        byWard.forEach((ward, values) -> {
            LineDataset line = new LineDataset().setLabel(ward);
            days.forEach(day -> line.addDataUnchecked(values.get(day)));
            data.addDataset(line);
        });
        return new LineChart()
                .setData(data)
                .setOptions(new LineOptions()
                        .setResponsive(true)
                        .setMaintainAspectRatio(false)
                        .setScales(new Scales().addScale(Scales.ScaleAxis.Y,
                                new LinearScaleOptions().setBeginAtZero(true).setSuggestedMax(100))))
                .toJson();
    }
}
