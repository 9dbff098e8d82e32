package org.asclepius.hms.web.scheduling;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentHistory;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.ExceptionKind;
import org.asclepius.hms.scheduling.ExceptionRecord;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ScheduleChange;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.StatusChangeRecord;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.UiFormat;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.ScheduleDisplayMode;
import org.primefaces.model.ScheduleEvent;

/**
 * /scheduling/calendar.xhtml?resource=ID[&amp;date=yyyy-MM-dd][&amp;appointment=ID] (or ?appointment=ID alone: the
 * calendar of its first resource, opened at it): one resource's calendar (day and
 * week), its appointments coloured by status and its leave and blocked time in the background. An appointment is
 * moved by dragging it (the service decides; a refusal puts it back) or from its details, where it can also be
 * cancelled with a reason, checked in or marked as a no-show. Leave and blocked time are added below the calendar;
 * the patients booked in that time are listed for rebooking.
 */
@Named
@ViewScoped
public class CalendarView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String EVENT_FORM = "eventForm";
    static final String BLOCK_FORM = "blockForm";
    /** The key of the refusals shown inside the appointment's dialog. */
    static final String EVENT_PROBLEM = "eventProblem";
    public static final String WEEK = "timeGridWeek";
    public static final String DAY = "timeGridDay";
    /** How far ahead the list of leave and blocked time goes. */
    static final Duration BLOCKS_AHEAD = Duration.ofDays(366);

    @Inject
    ScheduleService schedules;
    @Inject
    AppointmentService appointments;
    @Inject
    CurrentUser user;

    // view parameters
    private Long resource;
    private LocalDate date;
    private Long appointment;

    private List<ResourceRecord> all = List.of();
    private ResourceRecord current;
    private Long chosen;
    private String view = WEEK;
    private LocalDate initialDate;
    private boolean showCancelled;
    private CalendarModel model;
    private boolean openOnLoad;

    // the appointment's dialog
    private AppointmentRecord selected;
    private List<StatusChangeRecord> history = List.of();
    private LocalDate moveDate;
    private List<Instant> moveOptions;
    private String moveStart;
    private SeriesScope moveScope = SeriesScope.THIS;
    private final OverrideReasons override = new OverrideReasons();
    private String cancelReason;
    private SeriesScope cancelScope = SeriesScope.THIS;

    // leave and blocked time
    private List<ExceptionRecord> blocks = List.of();
    private ExceptionKind blockKind = ExceptionKind.LEAVE;
    private LocalDateTime blockStart;
    private LocalDateTime blockEnd;
    private String blockReason;
    private String blockResult;
    private List<AppointmentRecord> affected = List.of();

    /** viewAction. */
    public void load() {
        all = schedules.resources();
        if (resource == null && appointment != null) {
            // an appointment alone: the calendar of its first resource
            try {
                List<ResourceRef> refs = appointments.get(appointment).resources();
                resource = refs.isEmpty() ? null : refs.get(0).id();
            } catch (NotFoundException e) {
                Pages.status(HttpServletResponse.SC_NOT_FOUND);
            }
        }
        if (resource == null) {
            return;
        }
        current = all.stream().filter(r -> r.id() == resource).findFirst().orElse(null);
        if (current == null) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chosen = current.id();
        if (date != null) {
            view = DAY;
            initialDate = date;
        }
        model = new CalendarModel(this::events);
        loadBlocks();
        if (appointment != null) {
            try {
                open(appointment);
                openOnLoad = true;
                if (initialDate == null) {
                    view = DAY;
                    initialDate = SchedulingUi.local(selected.start()).toLocalDate();
                }
            } catch (NotFoundException e) {
                Pages.message(FacesMessage.SEVERITY_WARN, "Appointment " + appointment + " was not found.");
            }
        }
    }

    /** The resource chosen at the top of the page. */
    public String openCalendar() {
        if (chosen == null) {
            FieldMessages.error(FacesContext.getCurrentInstance(), "chooseForm", "resourceChoice",
                    "choose a resource");
            return null;
        }
        return "/scheduling/calendar?faces-redirect=true&resource=" + chosen;
    }

    // ---- the calendar's events ----

    List<ScheduleEvent<?>> events(LocalDateTime from, LocalDateTime to) {
        Instant start = SchedulingUi.instant(from);
        Instant end = SchedulingUi.instant(to);
        Instant now = Instant.now();
        List<ScheduleEvent<?>> events = new ArrayList<>();
        for (AppointmentRecord a : appointments.forResource(current.id(), start, end)) {
            if (showCancelled || a.status().holdsSlots()) {
                events.add(event(a, now));
            }
        }
        for (ExceptionRecord e : schedules.exceptions(current.id(), start, end)) {
            events.add(block(e));
        }
        return events;
    }

    /** An appointment as the calendar shows it: its id, coloured by status, draggable while it can move. */
    static ScheduleEvent<AppointmentRecord> event(AppointmentRecord a, Instant now) {
        return DefaultScheduleEvent.<AppointmentRecord>builder()
                .id(String.valueOf(a.id()))
                .title(SchedulingUi.title(a))
                .startDate(SchedulingUi.local(a.start()))
                .endDate(SchedulingUi.local(a.end()))
                .styleClass(SchedulingUi.statusClass(a.status()) + " hms-appt-" + a.id())
                .description(a.status().label() + ": " + a.patientName() + " (MRN " + a.mrn() + "), "
                        + a.serviceName() + ", " + a.resourceNames())
                .data(a)
                .draggable(SchedulingUi.movable(a, now))
                .resizable(false)
                .overlapAllowed(true) // whether a slot may hold two is the service's policy, checked on the server
                .build();
    }

    /** Leave or blocked time: in the background; nothing can be dropped on it. */
    static ScheduleEvent<ExceptionRecord> block(ExceptionRecord e) {
        return DefaultScheduleEvent.<ExceptionRecord>builder()
                .id("block-" + e.id())
                .title(e.kind().label() + ": " + e.reason())
                .startDate(SchedulingUi.local(e.start()))
                .endDate(SchedulingUi.local(e.end()))
                .styleClass(SchedulingUi.blockClass(e.kind()))
                .display(ScheduleDisplayMode.BACKGROUND)
                .data(e)
                .draggable(false)
                .resizable(false)
                .overlapAllowed(false)
                .build();
    }

    /** eventSelect: the appointment's details and history in the dialog. */
    public void onEventSelect(SelectEvent<ScheduleEvent<?>> event) {
        ScheduleEvent<?> chosenEvent = event.getObject();
        if (chosenEvent != null && chosenEvent.getData() instanceof AppointmentRecord a) {
            try {
                open(a.id());
                PrimeFaces.current().ajax().addCallbackParam("appointment", true);
            } catch (NotFoundException e) {
                Pages.message(FacesMessage.SEVERITY_ERROR, "This appointment no longer exists.");
            }
        }
    }

    /**
     * eventMove: moves the appointment to where it was dropped (this appointment only). A refusal is shown and the
     * page refetches the events, which puts it back; when the service asks for a reason (overbooking, or the
     * patient is booked elsewhere then), the details open with the time chosen and the reason to fill in.
     */
    public void onEventMove(ScheduleEntryMoveEvent event) {
        ScheduleEvent<?> moved = event.getScheduleEvent();
        if (moved == null || !(moved.getData() instanceof AppointmentRecord a)) {
            return;
        }
        Instant newStart = SchedulingUi.instant(moved.getStartDate());
        try {
            appointments.reschedule(a.id(), a.version(), newStart, null, null, null, SeriesScope.THIS);
            Pages.message(FacesMessage.SEVERITY_INFO, "Moved " + a.patientName() + " (" + a.serviceName() + ") to "
                    + UiFormat.formatWhen(newStart) + ".");
            if (selected != null && selected.id() == a.id()) {
                open(a.id());
            }
        } catch (OverrideRequiredException e) {
            open(a.id());
            moveDate = SchedulingUi.local(newStart).toLocalDate();
            moveOptions = withTime(freeStarts(moveDate), newStart);
            moveStart = newStart.toString();
            override.asked(e);
            Pages.message(FacesMessage.SEVERITY_WARN, "Not moved yet: " + e.getMessage());
            PrimeFaces.current().ajax().addCallbackParam("appointment", true);
        } catch (InvalidInputException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, "Not moved: " + String.join("; ", e.getFieldErrors().values())
                    + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, "Not moved: " + e.getMessage());
        }
    }

    // ---- the appointment's dialog ----

    void open(long id) {
        AppointmentHistory h = appointments.history(id);
        selected = h.appointment();
        history = h.changes();
        moveDate = SchedulingUi.local(selected.start()).toLocalDate();
        moveOptions = null;
        moveStart = null;
        moveScope = SeriesScope.THIS;
        cancelReason = null;
        cancelScope = SeriesScope.THIS;
        clearOverride();
    }

    /** Opens an appointment of the list below the calendar (leave just added). */
    public void openAffected(AppointmentRecord a) {
        try {
            open(a.id());
            PrimeFaces.current().executeScript("PF('eventDialog').show()");
        } catch (NotFoundException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, "This appointment no longer exists.");
        }
    }

    private void reopen() {
        try {
            open(selected.id());
        } catch (NotFoundException e) {
            selected = null;
        }
        PrimeFaces.current().executeScript("PF('calendarSchedule').update()");
    }

    private void clearOverride() {
        override.clear();
    }

    private List<Instant> freeStarts(LocalDate day) {
        List<Long> ids = selected.resources().stream().map(ResourceRef::id).toList();
        return appointments.freeStarts(selected.serviceCode(), ids, day);
    }

    /** The free times, and the time already chosen if it is not among them (an overbooking asked for). */
    static List<Instant> withTime(List<Instant> free, Instant chosenStart) {
        List<Instant> times = new ArrayList<>(free);
        if (chosenStart != null && !times.contains(chosenStart)) {
            times.add(chosenStart);
            times.sort(null);
        }
        return times;
    }

    public void findMoveTimes() {
        FacesContext context = FacesContext.getCurrentInstance();
        clearOverride();
        moveStart = null;
        if (moveDate == null) {
            FieldMessages.error(context, EVENT_FORM, "moveDate", "choose the day");
            return;
        }
        if (moveDate.isBefore(SchedulingUi.today())) {
            FieldMessages.error(context, EVENT_FORM, "moveDate", "is in the past");
            return;
        }
        try {
            moveOptions = freeStarts(moveDate);
        } catch (InvalidInputException e) {
            moveOptions = null;
            FieldMessages.RESCHEDULE_FORM.show(context, EVENT_FORM, e);
        } catch (DomainException e) {
            moveOptions = null;
            AppointmentActions.problem(EVENT_PROBLEM, e.getMessage());
        }
    }

    public void moveAppointment() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (moveStart == null || moveStart.isBlank()) {
            FieldMessages.error(context, EVENT_FORM, "moveStart", "choose the new time");
            return;
        }
        override.keep();
        Instant start = Instant.parse(moveStart);
        try {
            List<AppointmentRecord> moved = appointments.reschedule(selected.id(), selected.version(), start, null,
                    override.overbook(), override.overlap(), moveScope);
            Pages.message(FacesMessage.SEVERITY_INFO, moved.size() <= 1
                    ? "Moved " + selected.patientName() + " (" + selected.serviceName() + ") to "
                    + UiFormat.formatWhen(start) + "."
                    : "Moved " + moved.size() + " appointments of the series; the first is now on "
                    + UiFormat.formatWhen(moved.get(0).start()) + ".");
            reopen();
        } catch (OverrideRequiredException e) {
            override.asked(e);
            context.validationFailed();
        } catch (InvalidInputException e) {
            FieldMessages.RESCHEDULE_FORM.show(context, EVENT_FORM, e);
        } catch (DomainException e) {
            AppointmentActions.problem(EVENT_PROBLEM, e.getMessage());
            reopen();
        }
    }

    public void cancelAppointment() {
        if (AppointmentActions.cancel(appointments, selected, cancelReason, cancelScope, EVENT_FORM, EVENT_PROBLEM)) {
            reopen();
        }
    }

    public void checkIn() {
        if (AppointmentActions.checkIn(appointments, selected, EVENT_PROBLEM)) {
            reopen();
        }
    }

    public void markNoShow() {
        if (AppointmentActions.markNoShow(appointments, selected, EVENT_PROBLEM)) {
            reopen();
        }
    }

    public boolean isCanMove() {
        return selected != null && SchedulingUi.movable(selected, Instant.now());
    }

    public boolean isCanCancel() {
        return selected != null && SchedulingUi.canCancel(selected);
    }

    public boolean isCanCheckIn() {
        return selected != null && user.isCanRunFrontDesk() && SchedulingUi.canCheckIn(selected, SchedulingUi.today());
    }

    public boolean isCanMarkNoShow() {
        return selected != null && user.isCanRunFrontDesk() && SchedulingUi.canMarkNoShow(selected, Instant.now());
    }

    public boolean isInSeries() {
        return selected != null && selected.seriesId() != null;
    }

    public SeriesScope[] getScopes() {
        return SeriesScope.values();
    }

    // ---- leave and blocked time ----

    private void loadBlocks() {
        Instant now = Instant.now();
        blocks = schedules.exceptions(current.id(), now, now.plus(BLOCKS_AHEAD));
    }

    public void addBlock() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            ScheduleChange change = schedules.addException(current.id(), blockKind, SchedulingUi.instant(blockStart),
                    SchedulingUi.instant(blockEnd), blockReason);
            affected = change.affected();
            blockResult = blockKind.label() + " " + format(blockStart) + " – " + format(blockEnd) + " added"
                    + (affected.isEmpty() ? "; no booked patient is affected." : "; "
                    + (affected.size() == 1 ? "1 booked patient needs" : affected.size() + " booked patients need")
                    + " rebooking:");
            Pages.message(affected.isEmpty() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN, blockResult);
            blockKind = ExceptionKind.LEAVE;
            blockStart = null;
            blockEnd = null;
            blockReason = null;
            loadBlocks();
            PrimeFaces.current().executeScript("PF('calendarSchedule').update()");
        } catch (InvalidInputException e) {
            FieldMessages.EXCEPTION_FORM.show(context, BLOCK_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void removeBlock(ExceptionRecord block) {
        try {
            ScheduleChange change = schedules.removeException(block.id());
            affected = change.affected();
            blockResult = block.kind().label() + " " + UiFormat.formatWhen(block.start()) + " removed; the time can"
                    + " be booked again" + (affected.isEmpty() ? "." : ". Still outside the working time:");
            Pages.message(FacesMessage.SEVERITY_INFO, blockResult);
            loadBlocks();
            PrimeFaces.current().executeScript("PF('calendarSchedule').update()");
        } catch (NotFoundException e) {
            Pages.message(FacesMessage.SEVERITY_WARN, "It was already removed.");
            loadBlocks();
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    private static String format(LocalDateTime t) {
        return t == null ? "" : UiFormat.formatWhen(SchedulingUi.instant(t));
    }

    public ExceptionKind[] getBlockKinds() {
        return ExceptionKind.values();
    }

    // ---- the page ----

    public List<SelectItem> getResourceOptions() {
        return SchedulingUi.byDepartment(all, r -> true);
    }

    /** The slot length as FullCalendar takes it ("00:15:00"). */
    public String getSlotDuration() {
        int minutes = current == null ? 15 : current.slotMinutes();
        return String.format("%02d:%02d:00", minutes / 60, minutes % 60);
    }

    /** The calendar opens scrolled to the start of the resource's working day. */
    public String getScrollTime() {
        LocalTime start = current == null ? SchedulingUi.DAY_START
                : SchedulingUi.dayRange(List.of(current), null)[0];
        return start.toString() + ":00";
    }

    public String getWorkingHours() {
        return current == null ? "" : SchedulingUi.hoursText(current.hours());
    }

    public LocalDate getToday() {
        return SchedulingUi.today();
    }

    public Long getResource() { return resource; }
    public void setResource(Long resource) { this.resource = resource; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public Long getAppointment() { return appointment; }
    public void setAppointment(Long appointment) { this.appointment = appointment; }
    public ResourceRecord getCurrent() { return current; }
    public Long getChosen() { return chosen; }
    public void setChosen(Long chosen) { this.chosen = chosen; }
    public String getView() { return view; }
    public void setView(String view) { this.view = view; }
    public LocalDate getInitialDate() { return initialDate; }
    public boolean isShowCancelled() { return showCancelled; }
    public void setShowCancelled(boolean showCancelled) { this.showCancelled = showCancelled; }
    public CalendarModel getModel() { return model; }
    public boolean isOpenOnLoad() { return openOnLoad; }
    public AppointmentRecord getSelected() { return selected; }
    public List<StatusChangeRecord> getHistory() { return history; }
    public LocalDate getMoveDate() { return moveDate; }
    public void setMoveDate(LocalDate moveDate) { this.moveDate = moveDate; }
    public List<Instant> getMoveOptions() { return moveOptions; }
    public String getMoveStart() { return moveStart; }
    public void setMoveStart(String moveStart) { this.moveStart = moveStart; }
    public SeriesScope getMoveScope() { return moveScope; }
    public void setMoveScope(SeriesScope moveScope) { this.moveScope = moveScope; }
    public OverrideReasons getOverride() { return override; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public SeriesScope getCancelScope() { return cancelScope; }
    public void setCancelScope(SeriesScope cancelScope) { this.cancelScope = cancelScope; }
    public List<ExceptionRecord> getBlocks() { return blocks; }
    public ExceptionKind getBlockKind() { return blockKind; }
    public void setBlockKind(ExceptionKind blockKind) { this.blockKind = blockKind; }
    public LocalDateTime getBlockStart() { return blockStart; }
    public void setBlockStart(LocalDateTime blockStart) { this.blockStart = blockStart; }
    public LocalDateTime getBlockEnd() { return blockEnd; }
    public void setBlockEnd(LocalDateTime blockEnd) { this.blockEnd = blockEnd; }
    public String getBlockReason() { return blockReason; }
    public void setBlockReason(String blockReason) { this.blockReason = blockReason; }
    public String getBlockResult() { return blockResult; }
    public List<AppointmentRecord> getAffected() { return affected; }
}
