package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.clinical.medications.MedicationRecord;
import org.asclepius.hms.clinical.medications.MedicationService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * The chart's Medications tab: the active list (stopped lines on request, with who stopped them and why), a
 * medication the patient reports taking (not prescribed here), and stopping a line with a reason (physicians).
 * Prescriptions come from signed medication orders (the Orders tab).
 */
@Named
@ViewScoped
public class ChartMedicationsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "chartTabs:medicationsForm";
    static final FieldMessages REPORT_FIELDS = new FieldMessages.Builder()
            .field("name", "medName", "Medication")
            .field("code", "medCode", "RxNorm code")
            .field("dose", "medDose", "Dose")
            .field("route", "medRoute", "Route")
            .field("frequency", "medFrequency", "Frequency")
            .field("since", "medSince", "Taken since")
            .build();
    static final FieldMessages STOP_FIELDS = new FieldMessages.Builder()
            .field("reason", "medStopReason", "Reason")
            .build();

    @Inject
    MedicationService medications;
    @Inject
    ChartView chart;

    private int loadedVisit = -1;
    private List<MedicationRecord> list;
    private boolean withStopped;
    // reporting
    private boolean reporting;
    private String name;
    private String code;
    private String dose;
    private String route;
    private String frequency;
    private LocalDate since;
    // stopping
    private MedicationRecord stopping;
    private String stopReason;

    public List<MedicationRecord> getList() {
        if (loadedVisit != chart.getVisit()) {
            loadedVisit = chart.getVisit();
            list = null;
        }
        if (list == null) {
            list = medications.list(chart.getPatientIdValue(), withStopped).items();
        }
        return list;
    }

    /** "Show stopped" changed. */
    public void reload() {
        list = null;
    }

    public void startReport() {
        reporting = true;
        stopping = null;
        name = null;
        code = null;
        dose = null;
        route = null;
        frequency = null;
        since = null;
    }

    public void report() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            MedicationRecord m = medications.report(chart.getPatientIdValue(), code, name, dose, route, frequency,
                    since);
            Pages.message(FacesMessage.SEVERITY_INFO, "Added to the list: " + m.summary() + ".");
            reporting = false;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            REPORT_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void cancelReport() {
        reporting = false;
    }

    public void startStop(MedicationRecord m) {
        reporting = false;
        stopping = m;
        stopReason = null;
    }

    public void confirmStop() {
        if (stopping == null) {
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            MedicationRecord m = medications.stop(stopping.id(), stopping.version(), stopReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Stopped: " + m.summary() + ".");
            stopping = null;
            list = null;
            chart.changed();
        } catch (InvalidInputException e) {
            STOP_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            stopping = null;
            list = null;
        }
    }

    public void keepMedication() {
        stopping = null;
    }

    public boolean canStop(MedicationRecord m) {
        return chart.isPhysician() && m.active();
    }

    public boolean isWithStopped() { return withStopped; }
    public void setWithStopped(boolean withStopped) { this.withStopped = withStopped; }
    public boolean isReporting() { return reporting; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getDose() { return dose; }
    public void setDose(String dose) { this.dose = dose; }
    public String getRoute() { return route; }
    public void setRoute(String route) { this.route = route; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public LocalDate getSince() { return since; }
    public void setSince(LocalDate since) { this.since = since; }
    public MedicationRecord getStopping() { return stopping; }
    public String getStopReason() { return stopReason; }
    public void setStopReason(String stopReason) { this.stopReason = stopReason; }
}
