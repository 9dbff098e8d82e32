package org.asclepius.hms.web.clinical;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.clinical.access.AccessBasis;
import org.asclepius.hms.clinical.access.AccessGrantRecord;
import org.asclepius.hms.clinical.access.BreakGlassService;
import org.asclepius.hms.clinical.chart.ChartService;
import org.asclepius.hms.clinical.chart.ChartSummary;
import org.asclepius.hms.clinical.chart.TimelineEntry;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.ServerTimingFilter;
import org.asclepius.hms.web.shared.UiFormat;
import org.primefaces.component.tabview.Tab;
import org.primefaces.event.TabChangeEvent;

/**
 * /clinical/chart.xhtml?patient=N: a patient's chart under the patient banner. Opening it asks the chart service,
 * which decides by care relationship; a refusal shows its reason and, where it is open to the caller, the
 * break-the-glass form (reason, how long), which grants and opens the chart. While a break-the-glass access runs, a
 * red strip says until when. The chart's tabs (summary with the encounter timeline, vitals, notes, orders,
 * medications) are loaded when first shown and read again each time they are chosen; each tab has its own view
 * ({@link ChartVitalsView}, {@link ChartNotesView}, {@link ChartOrdersView}, {@link ChartMedicationsView}) that asks
 * this one for the patient and the encounters to record in. Only for showing: the services check access on every
 * call.
 */
@Named
@ViewScoped
public class ChartView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String BREAK_GLASS_FORM = "breakGlassForm";
    static final FieldMessages BREAK_GLASS_FIELDS = new FieldMessages.Builder()
            .field("reason", "bgReason", "Reason")
            .field("minutes", "bgMinutes", "For how long")
            .build();
    /** The durations a break-the-glass access may be asked for (minutes). */
    static final List<Integer> DURATIONS = List.of(30, 60, 240, 720);
    /** Encounters entries may still be recorded in. */
    static final Set<EncounterStatus> OPEN = EnumSet.of(EncounterStatus.PLANNED, EncounterStatus.IN_PROGRESS,
            EncounterStatus.ON_LEAVE);
    static final int DETAIL_MAX = 100;

    /** An encounter to record in, as the forms offer it. */
    public record EncounterChoice(long id, String label) implements Serializable {
    }

    @Inject
    PatientService patients;
    @Inject
    ChartService charts;
    @Inject
    BreakGlassService breakGlass;
    @Inject
    VitalSignService vitals;
    @Inject
    NoteService notes;
    @Inject
    OrderService orders;
    @Inject
    CurrentUser user;

    private Long patientId;
    private PatientRecord patient;
    private ChartSummary summary;
    private String refusal;
    private boolean breakGlassPossible;
    private Instant breakGlassUntil;
    private String reason;
    private Integer minutes = 60;
    private List<TimelineEntry> timeline = List.of();
    private int activeTab;
    /** Counts the times a tab was chosen: a tab's view reads its data again when this changed. */
    private int visit;
    private List<EncounterChoice> openEncounters;
    // the encounter chosen on the timeline
    private TimelineEntry selected;
    private List<ObservationRecord> selectedVitals = List.of();
    private List<NoteRecord> selectedNotes = List.of();
    private List<OrderRecord> selectedOrders = List.of();

    /** viewAction. */
    public void load() {
        patient = null;
        summary = null;
        if (patientId == null) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            patient = patients.get(patientId);
        } catch (NotFoundException e) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        open();
    }

    /** Opens (or reads again) the chart: the summary, or the refusal and whether break-the-glass is open. */
    void open() {
        try {
            long start = System.nanoTime();
            summary = charts.open(patientId);
            // the service's share of the page's Server-Timing (access check, queries, audit, transaction)
            ServerTimingFilter.record((ServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest(), "chart", System.nanoTime() - start);
            refusal = null;
            breakGlassPossible = false;
            timeline = new ArrayList<>(summary.timeline());
            breakGlassUntil = summary.access() == AccessBasis.BREAK_THE_GLASS
                    ? breakGlass.activeUntil(patientId).orElse(null) : null;
            if (selected != null) {
                read(selected);
            }
        } catch (AccessRefusedException e) {
            refused(e);
        }
    }

    private void refused(AccessRefusedException e) {
        summary = null;
        breakGlassUntil = null;
        refusal = e.getMessage();
        breakGlassPossible = e.isBreakGlassPossible();
        timeline = List.of();
        selected = null;
        openEncounters = null;
    }

    /** Break-the-glass: grants access with the reason for the chosen time, then opens the chart. */
    public void breakTheGlass() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (minutes == null) {
            FieldMessages.error(context, BREAK_GLASS_FORM, "bgMinutes", "choose for how long");
            return;
        }
        try {
            AccessGrantRecord grant = breakGlass.breakGlass(patientId, reason, minutes);
            reason = null;
            Pages.message(FacesMessage.SEVERITY_INFO, "Break-the-glass access until "
                    + UiFormat.formatClock(grant.expiresAt()) + ". The privacy officer reviews it.");
            activeTab = 0;
            visit++;
            open();
        } catch (InvalidInputException e) {
            BREAK_GLASS_FIELDS.show(context, BREAK_GLASS_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    /** A tab was chosen: it reads its data again (others may have recorded meanwhile). */
    public void tabChanged(TabChangeEvent<?> event) {
        visit++;
        if (event.getTab() == null) {
            return;
        }
        int index = event.getComponent().getChildren().stream().filter(c -> c instanceof Tab).toList()
                .indexOf(event.getTab());
        activeTab = Math.max(0, index);
        if ("summaryTab".equals(event.getTab().getId())) {
            open();
            if (summary == null) {
                showAgain();
            }
        }
    }

    /**
     * The access ended while the chart was open (a break-the-glass access ran out): the page is opened again from
     * its address, where it says why and offers break-the-glass again.
     */
    void showAgain() {
        FacesContext context = FacesContext.getCurrentInstance();
        String url = context.getApplication().getViewHandler().getBookmarkableURL(context, "/clinical/chart.xhtml",
                java.util.Map.of("patient", List.of(String.valueOf(patientId))), false);
        try {
            context.getExternalContext().redirect(url);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** After a change in a tab: the summary and the encounters are read again when next shown. */
    public void changed() {
        openEncounters = null;
    }

    // ---- the timeline ----

    public boolean isMoreTimeline() {
        return summary != null && timeline.size() < summary.encounters();
    }

    public void moreTimeline() {
        try {
            timeline.addAll(charts.timeline(patientId, timeline.size(), ChartService.TIMELINE_PAGE).items());
        } catch (AccessRefusedException e) {
            refused(e);
            showAgain();
        }
    }

    /** Shows everything recorded in one encounter: its vital signs, notes and orders. */
    public void selectEncounter(TimelineEntry entry) {
        try {
            read(entry);
        } catch (AccessRefusedException e) {
            refused(e);
            showAgain();
        }
    }

    private void read(TimelineEntry entry) {
        selected = entry;
        long encounter = entry.encounterId();
        selectedVitals = vitals.history(patientId, encounter, 0, DETAIL_MAX).items();
        selectedNotes = notes.list(patientId, encounter, 0, DETAIL_MAX).items();
        selectedOrders = orders.list(patientId, encounter, false, 0, DETAIL_MAX).items();
    }

    public void closeEncounter() {
        selected = null;
    }

    // ---- encounters to record in ----

    /** The patient's open encounters, newest first (read once, again after a change). */
    public List<EncounterChoice> getOpenEncounters() {
        if (openEncounters == null) {
            openEncounters = !isCanRecord() || summary == null ? List.of()
                    : charts.openEncounters(patientId).items().stream()
                    .map(e -> new EncounterChoice(e.encounterId(), ClinicalUi.encounter(e))).toList();
        }
        return openEncounters;
    }

    /** The latest open encounter (the forms' default), or null. */
    public Long getDefaultEncounter() {
        List<EncounterChoice> open = getOpenEncounters();
        return open.isEmpty() ? null : open.get(0).id();
    }

    // ---- what the user may do (the services enforce it) ----

    /** Vital signs, notes, draft orders (mirrors VitalSignService.record, NoteService.startDraft). */
    public boolean isCanRecord() {
        return user.hasRole(Roles.PHYSICIAN) || user.hasRole(Roles.NURSE);
    }

    /** Signing orders, stopping medications (mirrors OrderService.sign, MedicationService.stop). */
    public boolean isPhysician() {
        return user.hasRole(Roles.PHYSICIAN);
    }

    /** Reporting a home medication (mirrors MedicationService.report). */
    public boolean isCanReportMedication() {
        return isCanRecord() || user.hasRole(Roles.PHARMACIST);
    }

    public String getUserName() {
        return user.getName();
    }

    // ---- labels ----

    /** "Break-the-glass access until 14:30 — reviewed by the privacy officer". */
    public String getBreakGlassText() {
        return breakGlassUntil == null ? "" : "Break-the-glass access until " + UiFormat.formatClock(breakGlassUntil)
                + " — reviewed by the privacy officer";
    }

    public List<Integer> getDurations() {
        return DURATIONS;
    }

    // ---- state ----

    public boolean isOpen() {
        return summary != null;
    }

    public long getPatientIdValue() {
        return patientId == null ? 0 : patientId;
    }

    public Long getPatientId() { return patientId; }
    public void setPatientId(Long patientId) { this.patientId = patientId; }
    public PatientRecord getPatient() { return patient; }
    public ChartSummary getSummary() { return summary; }
    public String getRefusal() { return refusal; }
    public boolean isBreakGlassPossible() { return breakGlassPossible; }
    public Instant getBreakGlassUntil() { return breakGlassUntil; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Integer getMinutes() { return minutes; }
    public void setMinutes(Integer minutes) { this.minutes = minutes; }
    public List<TimelineEntry> getTimeline() { return timeline; }
    public int getActiveTab() { return activeTab; }
    public void setActiveTab(int activeTab) { this.activeTab = activeTab; }
    public int getVisit() { return visit; }
    public TimelineEntry getSelected() { return selected; }
    public List<ObservationRecord> getSelectedVitals() { return selectedVitals; }
    public List<NoteRecord> getSelectedNotes() { return selectedNotes; }
    public List<OrderRecord> getSelectedOrders() { return selectedOrders; }
}
