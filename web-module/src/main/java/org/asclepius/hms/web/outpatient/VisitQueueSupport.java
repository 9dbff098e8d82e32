package org.asclepius.hms.web.outpatient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.observation.Consciousness;
import org.asclepius.hms.observation.News2;
import org.asclepius.hms.observation.Vitals;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.outpatient.VisitStage;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.PrimeFaces;

/**
 * What the queue board and the emergency screen share: a department's queue (re-read when a poll finds it
 * changed: every poll asks the database, so a board on any cluster node is at most one poll interval behind),
 * waiting times that go on counting between reads, and the actions on a visit each role may take — triage (a
 * dialog with field messages and the NEWS2 it gives), call in, finish, check out. Only for showing: the services
 * enforce roles and order.
 */
public abstract class VisitQueueSupport implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String QUEUE_FORM = "queueForm";
    static final String TRIAGE_FORM = "triageForm";
    static final String CANCEL_FORM = "cancelVisitForm";
    static final FieldMessages CANCEL_FIELDS = new FieldMessages.Builder()
            .field("reason", "cancelVisitReason", "Reason")
            .build();
    /** Where the service's triage field errors go in the dialog. */
    static final FieldMessages TRIAGE_FIELDS = new FieldMessages.Builder()
            .field("respirationRate", "triRr", "Respiration rate")
            .field("spo2", "triSpo2", "SpO2")
            .field("onOxygen", "triOxygen", "Air or oxygen")
            .field("systolic", "triSystolic", "Systolic BP")
            .field("pulse", "triPulse", "Pulse")
            .field("consciousness", "triConsciousness", "Consciousness")
            .field("temperature", "triTemperature", "Temperature")
            .field("chiefComplaint", "triComplaint", "Chief complaint")
            .field("acuity", "triAcuity", "Acuity (ESI)")
            .build();

    @Inject
    VisitService visits;
    @Inject
    CurrentUser user;

    private List<VisitRecord> rows = List.of();
    private String stamp;
    private Instant readAt = Instant.now();

    // the cancel dialog
    private VisitRecord cancelling;
    private String cancelReason;

    // the triage dialog
    private VisitRecord triaging;
    private Integer respirationRate;
    private Integer spo2;
    private boolean hypercapnic;
    private Boolean onOxygen;
    private Integer systolic;
    private Integer pulse;
    private Consciousness consciousness;
    private BigDecimal temperature;
    private String chiefComplaint;
    private Integer acuity;

    /** The department whose queue is shown (null: none chosen). */
    public abstract String getDepartment();

    /** Reads the queue again. */
    public void reload() {
        String department = getDepartment();
        if (department == null || department.isBlank()) {
            rows = List.of();
            stamp = null;
            return;
        }
        stamp = visits.queueStamp(department);
        rows = visits.queue(department);
        readAt = Instant.now();
    }

    /** The poll: reads the queue again only when its fingerprint changed (no patient data read otherwise). */
    public void poll() {
        String department = getDepartment();
        if (department == null || department.isBlank()) {
            return;
        }
        if (!visits.queueStamp(department).equals(stamp)) {
            reload();
        }
    }

    public List<VisitRecord> getRows() {
        return rows;
    }

    // ---- what each row shows ----

    /** Time since arrival, counting on between reads ("1 h 05 min", "7 min"). */
    public String waited(VisitRecord v) {
        return duration(v.sinceArrival().plus(sinceRead()));
    }

    /** Time since the last stage change. */
    public String inStage(VisitRecord v) {
        return duration(v.sinceStageChange().plus(sinceRead()));
    }

    private Duration sinceRead() {
        Duration d = Duration.between(readAt, Instant.now());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** The departments to choose from, with the one given in the address even if nothing is there yet. */
    static List<String> withCurrent(List<String> departments, String current) {
        if (current == null || departments.stream().anyMatch(current::equalsIgnoreCase)) {
            return departments;
        }
        List<String> all = new java.util.ArrayList<>(departments);
        all.add(current);
        all.sort(String.CASE_INSENSITIVE_ORDER);
        return List.copyOf(all);
    }

    static String duration(Duration d) {
        long minutes = d.toMinutes();
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }

    /** CSS class of the NEWS2 badge: hms-risk-green/yellow/orange/red, or none before triage. */
    public String riskClass(VisitRecord v) {
        return v.risk() == null ? "hms-risk-none" : "hms-risk-" + v.risk().colour();
    }

    public String riskTitle(VisitRecord v) {
        return v.risk() == null ? "Not triaged yet" : v.risk().label() + " risk: " + v.risk().response();
    }

    // ---- which actions a row offers ----

    private boolean has(String... roles) {
        for (String r : roles) {
            if (user.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean canTriage(VisitRecord v) {
        return has(Roles.NURSE, Roles.PHYSICIAN) && v.stage() != VisitStage.SEEN;
    }

    public boolean canCallIn(VisitRecord v) {
        return has(Roles.PHYSICIAN) && (v.stage() == VisitStage.ARRIVED || v.stage() == VisitStage.WAITING)
                && (v.kind() != EncounterKind.EMERGENCY || v.acuity() != null);
    }

    public boolean canFinish(VisitRecord v) {
        return has(Roles.PHYSICIAN) && v.stage() == VisitStage.IN_CONSULTATION;
    }

    public boolean canCheckOut(VisitRecord v) {
        return has(Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN)
                && (v.stage() == VisitStage.IN_CONSULTATION || v.stage() == VisitStage.SEEN);
    }

    public void callIn(VisitRecord v) {
        act(() -> visits.startConsultation(v.id(), v.version()), "Called in: ", v);
    }

    public void finish(VisitRecord v) {
        act(() -> visits.finish(v.id(), v.version()), "Consultation finished: ", v);
    }

    public void checkOut(VisitRecord v) {
        act(() -> visits.checkOut(v.id(), v.version()), "Checked out: ", v);
    }

    private void act(java.util.function.Supplier<VisitRecord> action, String done, VisitRecord v) {
        try {
            action.get();
            Pages.message(FacesMessage.SEVERITY_INFO, done + v.patientName() + " (MRN " + v.mrn() + ").");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        reload();
    }

    // ---- cancel (a visit begun in error) ----

    public boolean canCancel(VisitRecord v) {
        return has(Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN);
    }

    public void startCancel(VisitRecord v) {
        cancelling = v;
        cancelReason = null;
    }

    public void confirmCancel() {
        if (cancelling == null) {
            return;
        }
        try {
            visits.cancel(cancelling.id(), cancelling.version(), cancelReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Visit cancelled: " + cancelling.patientName() + " (MRN "
                    + cancelling.mrn() + ").");
            cancelling = null;
            reload();
            PrimeFaces.current().executeScript("PF('cancelVisitDialog').hide()");
        } catch (InvalidInputException e) {
            CANCEL_FIELDS.show(FacesContext.getCurrentInstance(), CANCEL_FORM, e);
        } catch (DomainException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.addMessage("cancelVisitProblem", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(),
                    e.getMessage()));
            context.validationFailed();
        }
    }

    public VisitRecord getCancelling() { return cancelling; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String v) { this.cancelReason = v; }

    // ---- triage ----

    public void startTriage(VisitRecord v) {
        triaging = v;
        Vitals last = v.vitals();
        respirationRate = last == null ? null : last.respirationRate();
        spo2 = last == null ? null : last.spo2();
        hypercapnic = last != null && last.hypercapnic();
        onOxygen = last == null ? null : last.onOxygen();
        systolic = last == null ? null : last.systolic();
        pulse = last == null ? null : last.pulse();
        consciousness = last == null ? null : last.consciousness();
        temperature = last == null ? null : last.temperature();
        chiefComplaint = v.chiefComplaint();
        acuity = v.acuity();
    }

    public void saveTriage() {
        if (triaging == null) {
            return;
        }
        try {
            VisitRecord done = visits.triage(triaging.id(), triaging.version(), vitals(), chiefComplaint, acuity);
            Pages.message(FacesMessage.SEVERITY_INFO, "Triaged: " + done.patientName() + ", NEWS2 " + done.news2()
                    + " (" + done.risk().label().toLowerCase(java.util.Locale.ROOT) + " risk).");
            triaging = null;
            reload();
            PrimeFaces.current().executeScript("PF('triageDialog').hide()");
        } catch (InvalidInputException e) {
            TRIAGE_FIELDS.show(FacesContext.getCurrentInstance(), TRIAGE_FORM, e);
        } catch (DomainException e) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.addMessage("triageProblem", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(),
                    e.getMessage()));
            context.validationFailed();
        }
    }

    private Vitals vitals() {
        return new Vitals(respirationRate, spo2, hypercapnic, onOxygen, systolic, pulse, consciousness, temperature);
    }

    /** The NEWS2 the observations typed so far give ("NEWS2 5 · Medium"), or what is still missing. */
    public String getNews2Preview() {
        Vitals v = vitals();
        Map<String, String> problems = News2.check(v);
        if (!problems.isEmpty()) {
            return "NEWS2 appears when every observation is entered";
        }
        News2.Result r = News2.score(v);
        return "NEWS2 " + r.total() + " · " + r.risk().label() + " risk — " + r.risk().response();
    }

    public String getNews2PreviewClass() {
        Vitals v = vitals();
        return News2.check(v).isEmpty() ? "hms-risk-" + News2.score(v).risk().colour() : "hms-risk-none";
    }

    public boolean isTriageEmergency() {
        return triaging != null && triaging.kind() == EncounterKind.EMERGENCY;
    }

    public Consciousness[] getConsciousnessLevels() {
        return Consciousness.values();
    }

    public List<Integer> getAcuities() {
        return List.of(1, 2, 3, 4, 5);
    }

    public VisitRecord getTriaging() { return triaging; }
    public Integer getRespirationRate() { return respirationRate; }
    public void setRespirationRate(Integer v) { this.respirationRate = v; }
    public Integer getSpo2() { return spo2; }
    public void setSpo2(Integer v) { this.spo2 = v; }
    public boolean isHypercapnic() { return hypercapnic; }
    public void setHypercapnic(boolean v) { this.hypercapnic = v; }
    public Boolean getOnOxygen() { return onOxygen; }
    public void setOnOxygen(Boolean v) { this.onOxygen = v; }
    public Integer getSystolic() { return systolic; }
    public void setSystolic(Integer v) { this.systolic = v; }
    public Integer getPulse() { return pulse; }
    public void setPulse(Integer v) { this.pulse = v; }
    public Consciousness getConsciousness() { return consciousness; }
    public void setConsciousness(Consciousness v) { this.consciousness = v; }
    public BigDecimal getTemperature() { return temperature; }
    public void setTemperature(BigDecimal v) { this.temperature = v; }
    public String getChiefComplaint() { return chiefComplaint; }
    public void setChiefComplaint(String v) { this.chiefComplaint = v; }
    public Integer getAcuity() { return acuity; }
    public void setAcuity(Integer v) { this.acuity = v; }
}
