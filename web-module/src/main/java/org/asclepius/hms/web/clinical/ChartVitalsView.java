package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.clinical.vitals.VitalSignsEntry;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.PrimeFaces;

/**
 * The chart's Vitals tab: record a set of vital signs in one of the patient's open encounters (each field with its
 * unit; the service's message beside a field it refuses), the history newest first with "entered in error" (with a
 * reason), and a trend chart per vital sign (blood pressure as systolic and diastolic lines).
 */
@Named
@ViewScoped
public class ChartVitalsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:vitalsForm";
    static final String ERROR_FORM = "vitalErrorForm";
    static final FieldMessages FIELDS = new FieldMessages.Builder()
            .field("encounterId", "vitEncounter", "Encounter")
            .field("takenAt", "vitTakenAt", "Taken at")
            .field("temperature", "vitTemperature", "Temperature")
            .field("pulse", "vitPulse", "Pulse")
            .field("respiration", "vitRespiration", "Respiration")
            .field("systolic", "vitSystolic", "Systolic")
            .field("diastolic", "vitDiastolic", "Diastolic")
            .field("spo2", "vitSpo2", "SpO2")
            .field("weight", "vitWeight", "Weight")
            .field("height", "vitHeight", "Height")
            .field("pain", "vitPain", "Pain score")
            .build();
    static final FieldMessages ERROR_FIELDS = new FieldMessages.Builder()
            .field("reason", "vitErrorReason", "Reason")
            .build();
    static final int HISTORY_MAX = 200;
    static final int TREND_MAX = 100;
    /** The trend charts, in this order (blood pressure as one chart with two lines). */
    static final List<VitalSign> TRENDS = List.of(VitalSign.TEMPERATURE, VitalSign.PULSE, VitalSign.RESPIRATION,
            VitalSign.BLOOD_PRESSURE, VitalSign.SPO2, VitalSign.WEIGHT, VitalSign.BMI, VitalSign.PAIN,
            VitalSign.HEIGHT);

    /** One trend chart: its vital sign and its Chart.js configuration. */
    public record Trend(VitalSign kind, String id, String title, String json, int points) implements Serializable {
    }

    @Inject
    VitalSignService vitals;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private List<ObservationRecord> history;
    private List<Trend> trends;
    // the form
    private Long encounterId;
    private boolean encounterChosen;
    private LocalDateTime takenAt;
    private BigDecimal temperature;
    private Integer pulse;
    private Integer respiration;
    private Integer systolic;
    private Integer diastolic;
    private Integer spo2;
    private BigDecimal weight;
    private BigDecimal height;
    private Integer pain;
    // entered in error
    private ObservationRecord erring;
    private String errorReason;

    private void fresh() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            history = null;
            trends = null;
        }
    }

    /** Newest first, entered-in-error values included (marked). */
    public List<ObservationRecord> getHistory() {
        fresh();
        if (history == null) {
            history = vitals.history(chart.getPatientIdValue(), null, 0, HISTORY_MAX).items();
        }
        return history;
    }

    /** A chart for each vital sign that has values. */
    public List<Trend> getTrends() {
        fresh();
        if (trends == null) {
            List<Trend> t = new ArrayList<>();
            for (VitalSign kind : TRENDS) {
                List<ObservationRecord> points = vitals.trend(chart.getPatientIdValue(), kind, null, null, TREND_MAX)
                        .items();
                if (!points.isEmpty()) {
                    t.add(new Trend(kind, "trend" + kind.name(), kind.label() + " (" + kind.unitLabel() + ")",
                            VitalsChart.trend(kind, points), points.size()));
                }
            }
            trends = t;
        }
        return trends;
    }

    /** Records the set; a refused value is shown beside its field and nothing is kept. */
    public void record() {
        FacesContext context = FacesContext.getCurrentInstance();
        Long encounter = getEncounterId();
        VitalSignsEntry entry = new VitalSignsEntry(encounter,
                takenAt == null ? null : takenAt.atZone(TimeFormat.hospitalZone()).toInstant(), temperature, pulse,
                respiration, systolic, diastolic, spo2, weight, height, pain);
        try {
            int recorded = vitals.record(chart.getPatientIdValue(), entry).items().size();
            Pages.message(FacesMessage.SEVERITY_INFO, "Vital signs recorded (" + recorded + " value"
                    + (recorded == 1 ? "" : "s") + ").");
            clearForm();
            reload();
            chart.changed();
        } catch (InvalidInputException e) {
            FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    private void clearForm() {
        takenAt = null;
        temperature = null;
        pulse = null;
        respiration = null;
        systolic = null;
        diastolic = null;
        spo2 = null;
        weight = null;
        height = null;
        pain = null;
    }

    public void reload() {
        history = null;
        trends = null;
    }

    public void startError(ObservationRecord o) {
        erring = o;
        errorReason = null;
    }

    public void confirmError() {
        if (erring == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            vitals.enteredInError(erring.id(), erring.version(), errorReason);
            Pages.message(FacesMessage.SEVERITY_INFO, erring.kind().label() + " " + erring.display()
                    + " marked entered in error.");
            erring = null;
            reload();
            chart.changed();
            PrimeFaces.current().executeScript("PF('vitalErrorDialog').hide()");
        } catch (InvalidInputException e) {
            ERROR_FIELDS.show(context, ERROR_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            erring = null;
            reload();
            PrimeFaces.current().executeScript("PF('vitalErrorDialog').hide()");
        }
    }

    /** The unit beside each field ("°C", "/min"). */
    public String unit(String sign) {
        return VitalSign.valueOf(sign).unitLabel();
    }

    /** The chosen encounter, by default the latest open one. */
    public Long getEncounterId() {
        if (!encounterChosen) {
            return chart.getDefaultEncounter();
        }
        return encounterId;
    }

    public void setEncounterId(Long encounterId) {
        this.encounterId = encounterId;
        this.encounterChosen = true;
    }

    public LocalDateTime getTakenAt() { return takenAt; }
    public void setTakenAt(LocalDateTime takenAt) { this.takenAt = takenAt; }
    public BigDecimal getTemperature() { return temperature; }
    public void setTemperature(BigDecimal temperature) { this.temperature = temperature; }
    public Integer getPulse() { return pulse; }
    public void setPulse(Integer pulse) { this.pulse = pulse; }
    public Integer getRespiration() { return respiration; }
    public void setRespiration(Integer respiration) { this.respiration = respiration; }
    public Integer getSystolic() { return systolic; }
    public void setSystolic(Integer systolic) { this.systolic = systolic; }
    public Integer getDiastolic() { return diastolic; }
    public void setDiastolic(Integer diastolic) { this.diastolic = diastolic; }
    public Integer getSpo2() { return spo2; }
    public void setSpo2(Integer spo2) { this.spo2 = spo2; }
    public BigDecimal getWeight() { return weight; }
    public void setWeight(BigDecimal weight) { this.weight = weight; }
    public BigDecimal getHeight() { return height; }
    public void setHeight(BigDecimal height) { this.height = height; }
    public Integer getPain() { return pain; }
    public void setPain(Integer pain) { this.pain = pain; }
    public ObservationRecord getErring() { return erring; }
    public String getErrorReason() { return errorReason; }
    public void setErrorReason(String errorReason) { this.errorReason = errorReason; }
}
