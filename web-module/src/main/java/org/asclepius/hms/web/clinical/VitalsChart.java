package org.asclepius.hms.web.clinical;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.shared.TimeFormat;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.color.Color;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.options.Legend;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.Title;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;

/**
 * The Chart.js configuration of a vital sign's trend chart ({@code p:chart}): one line over the times the values
 * were taken (oldest first, in the hospital's zone), blood pressure as two lines (systolic and diastolic). Values
 * entered in error are left out. Pure.
 */
final class VitalsChart {
    static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    static final Color LINE = new Color(28, 78, 128);
    static final Color SECOND_LINE = new Color(180, 83, 9);

    private VitalsChart() {
    }

    /** The chart of one vital sign from its values, oldest first. */
    static String trend(VitalSign kind, List<ObservationRecord> points) {
        List<ObservationRecord> shown = points.stream().filter(p -> p.kind() == kind && !p.enteredInError()).toList();
        LineData data = new LineData().setLabels(shown.stream().map(p -> label(p.effectiveAt())).toList());
        if (kind == VitalSign.BLOOD_PRESSURE) {
            data.addDataset(line("Systolic (mmHg)", LINE, shown.stream().map(ObservationRecord::value).toList()));
            data.addDataset(line("Diastolic (mmHg)", SECOND_LINE,
                    shown.stream().map(ObservationRecord::secondValue).toList()));
        } else {
            data.addDataset(line(kind.label() + " (" + kind.unitLabel() + ")", LINE,
                    shown.stream().map(ObservationRecord::value).toList()));
        }
        return new LineChart()
                .setData(data)
                .setOptions(new LineOptions()
                        .setResponsive(true)
                        .setMaintainAspectRatio(false)
                        .setAnimation(false)
                        .setPlugins(new Plugins()
                                .setTitle(new Title().setDisplay(true).setText(kind.label() + " ("
                                        + kind.unitLabel() + ")"))
                                .setLegend(new Legend().setDisplay(kind == VitalSign.BLOOD_PRESSURE)))
                        .setScales(new Scales().addScale(Scales.ScaleAxis.Y, new LinearScaleOptions()
                                .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true)
                                        .setText(kind.unitLabel())))))
                .toJson();
    }

    static String label(Instant at) {
        return LABEL.format(at.atZone(TimeFormat.hospitalZone()));
    }

    private static LineDataset line(String label, Color colour, List<BigDecimal> values) {
        LineDataset line = new LineDataset().setLabel(label).setBorderColor(colour)
                .setBackgroundColor(colour);
        values.forEach(line::addDataUnchecked);
        return line;
    }
}
