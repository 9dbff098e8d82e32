package org.asclepius.hms.web.scheduling;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.ReminderService;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesResult;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.SlotConflictException;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.UiFormat;
import org.primefaces.PrimeFaces;

/**
 * /scheduling/front-desk.xhtml[?date=yyyy-MM-dd][&amp;department=…]: the day's appointments (all, or one
 * department's) with check-in, no-show and cancel; booking (find the patient by MRN, the service, one resource of
 * each kind it needs, a free time of the day; optionally a weekly series), with the reason the service asks for
 * when a booking needs an override; and the appointments that a schedule change left in blocked time.
 */
@Named
@ViewScoped
public class FrontDeskView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String LIST_FORM = "frontDeskForm";
    static final String BOOK_FORM = "bookingForm";
    static final String CANCEL_FORM = "cancelForm";
    /** The keys of the refusals shown inside the booking and the cancel dialog. */
    static final String BOOK_PROBLEM = "bookProblem";
    static final String CANCEL_PROBLEM = "cancelProblem";
    /** More slots than a resource has in a day (5-minute slots around the clock). */
    static final int MAX_SLOTS_A_DAY = 300;

    @Inject
    AppointmentService appointments;
    @Inject
    ScheduleService schedules;
    @Inject
    PatientService patients;
    @Inject
    ReminderService reminders;
    @Inject
    CurrentUser user;

    private LocalDate date;
    private String department;
    private List<AppointmentRecord> day = List.of();
    private List<AppointmentRecord> rebooking = List.of();
    private List<ResourceRecord> resources = List.of();
    private List<ServiceTypeRecord> services = List.of();

    // booking
    private String bookMrn;
    private PatientRecord bookPatient;
    private String patientNotice;
    private Boolean remindersOff;
    private String bookService;
    private Long bookProvider;
    private Long bookRoom;
    private Long bookEquipment;
    private LocalDate bookDate;
    private List<TimeOption> bookTimes;
    private String bookStart;
    private String bookNote;
    private boolean bookRepeat;
    private int bookEveryWeeks = 1;
    private int bookOccurrences = 4;
    private final OverrideReasons override = new OverrideReasons();

    // cancel
    private AppointmentRecord cancelling;
    private String cancelReason;
    private SeriesScope cancelScope = SeriesScope.THIS;

    /** viewAction. */
    public void load() {
        if (date == null) {
            date = SchedulingUi.today();
        }
        resources = schedules.resources();
        services = schedules.services();
        refresh();
    }

    /** Reads the day list (and the rebooking list) again. */
    public void refresh() {
        if (date == null) {
            date = SchedulingUi.today();
        }
        day = appointments.dayList(date, blank(department) ? null : department.trim());
        rebooking = user.isCanRunFrontDesk() ? appointments.needingRebooking() : List.of();
    }

    public void previousDay() {
        date = (date == null ? SchedulingUi.today() : date).minusDays(1);
        refresh();
    }

    public void nextDay() {
        date = (date == null ? SchedulingUi.today() : date).plusDays(1);
        refresh();
    }

    public void showToday() {
        date = SchedulingUi.today();
        refresh();
    }

    // ---- the day list ----

    public boolean canCheckIn(AppointmentRecord a) {
        return user.isCanRunFrontDesk() && SchedulingUi.canCheckIn(a, SchedulingUi.today());
    }

    public boolean canMarkNoShow(AppointmentRecord a) {
        return user.isCanRunFrontDesk() && SchedulingUi.canMarkNoShow(a, Instant.now());
    }

    public boolean canCancel(AppointmentRecord a) {
        return SchedulingUi.canCancel(a);
    }

    public void checkIn(AppointmentRecord a) {
        AppointmentActions.checkIn(appointments, a, null);
        refresh();
    }

    public void markNoShow(AppointmentRecord a) {
        AppointmentActions.markNoShow(appointments, a, null);
        refresh();
    }

    public void startCancel(AppointmentRecord a) {
        cancelling = a;
        cancelReason = null;
        cancelScope = SeriesScope.THIS;
    }

    public void confirmCancel() {
        if (cancelling == null) {
            return;
        }
        if (AppointmentActions.cancel(appointments, cancelling, cancelReason, cancelScope, CANCEL_FORM,
                CANCEL_PROBLEM)) {
            cancelling = null;
            refresh();
            PrimeFaces.current().executeScript("PF('cancelDialog').hide()");
        }
    }

    /** "Smith, Ann (MRN 1000001), Consultation, Tue 3 Jun 2025 09:30". */
    public String describe(AppointmentRecord a) {
        return a == null ? "" : AppointmentActions.describe(a);
    }

    public SeriesScope[] getScopes() {
        return SeriesScope.values();
    }

    public List<String> getDepartments() {
        return SchedulingUi.departments(resources);
    }

    /** The counts of the day by status ("12 booked, 3 checked in"). */
    public String getDaySummary() {
        if (day.isEmpty()) {
            return "";
        }
        return day.stream().collect(Collectors.groupingBy(AppointmentRecord::status, java.util.TreeMap::new,
                        Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    // ---- booking ----

    public void startBooking() {
        bookMrn = null;
        bookPatient = null;
        patientNotice = null;
        remindersOff = null;
        bookService = null;
        bookProvider = null;
        bookRoom = null;
        bookEquipment = null;
        LocalDate today = SchedulingUi.today();
        bookDate = date == null || date.isBefore(today) ? today : date;
        bookNote = null;
        bookRepeat = false;
        bookEveryWeeks = 1;
        bookOccurrences = 4;
        resetTimes();
    }

    public void findPatient() {
        FacesContext context = FacesContext.getCurrentInstance();
        bookPatient = null;
        patientNotice = null;
        remindersOff = null;
        clearOverride();
        if (blank(bookMrn)) {
            FieldMessages.error(context, BOOK_FORM, "bookMrn", "enter the patient's MRN");
            return;
        }
        try {
            PatientRecord found = patients.getByMrn(bookMrn.trim());
            if (found.isMerged()) {
                patientNotice = "MRN " + found.mrn() + " was merged into MRN " + found.mergedInto().mrn()
                        + ": booking for that record.";
                found = patients.get(found.mergedInto().id());
            }
            bookPatient = found;
            if (user.isCanSchedule()) {
                remindersOff = reminders.preference(found.id()).optedOut();
            }
        } catch (InvalidInputException e) {
            FieldMessages.error(context, BOOK_FORM, "bookMrn",
                    e.getFieldErrors().getOrDefault("mrn", "is not a valid MRN"));
        } catch (NotFoundException e) {
            FieldMessages.error(context, BOOK_FORM, "bookMrn", "no patient has this MRN");
        }
    }

    /** Stops or resumes the patient's appointment reminders. */
    public void toggleReminders() {
        if (bookPatient == null || remindersOff == null) {
            return;
        }
        try {
            boolean off = (remindersOff ? reminders.optIn(bookPatient.id()) : reminders.optOut(bookPatient.id()))
                    .optedOut();
            remindersOff = off;
            Pages.message(FacesMessage.SEVERITY_INFO, off
                    ? "Reminders stopped for " + bookPatient.displayName() + "; those waiting to go out are cancelled."
                    : "Reminders resumed for " + bookPatient.displayName() + " (for appointments booked or moved from now).");
        } catch (DomainException e) {
            AppointmentActions.problem(BOOK_PROBLEM, e.getMessage());
        }
    }

    public List<ServiceTypeRecord> getBookableServices() {
        return services.stream().filter(ServiceTypeRecord::active).toList();
    }

    ServiceTypeRecord service() {
        if (blank(bookService)) {
            return null;
        }
        return services.stream().filter(s -> s.code().equals(bookService)).findFirst().orElse(null);
    }

    /** The service chosen: one resource of each kind it needs, chosen at once where only one offers it. */
    public void serviceChanged() {
        ServiceTypeRecord s = service();
        bookProvider = only(s, ResourceKind.PROVIDER);
        bookRoom = only(s, ResourceKind.ROOM);
        bookEquipment = only(s, ResourceKind.EQUIPMENT);
        resetTimes();
    }

    private Long only(ServiceTypeRecord s, ResourceKind kind) {
        List<ResourceRecord> options = SchedulingUi.offering(resources, s, kind);
        return options.size() == 1 ? options.get(0).id() : null;
    }

    /** A resource or the day changed: the free times must be looked up again. */
    public void choiceChanged() {
        resetTimes();
    }

    private void resetTimes() {
        bookTimes = null;
        bookStart = null;
        clearOverride();
    }

    private void clearOverride() {
        override.clear();
    }

    public boolean needs(String kind) {
        ServiceTypeRecord s = service();
        return s != null && s.requiredKinds().contains(ResourceKind.valueOf(kind));
    }

    public List<ResourceRecord> options(String kind) {
        return SchedulingUi.offering(resources, service(), ResourceKind.valueOf(kind));
    }

    /** The resources chosen for the kinds the service needs. */
    List<Long> chosenResources() {
        List<Long> ids = new ArrayList<>();
        ServiceTypeRecord s = service();
        if (s == null) {
            return ids;
        }
        for (ResourceKind kind : s.requiredKinds()) {
            Long id = chosen(kind);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Long chosen(ResourceKind kind) {
        return switch (kind) {
            case PROVIDER -> bookProvider;
            case ROOM -> bookRoom;
            case EQUIPMENT -> bookEquipment;
        };
    }

    static String fieldOf(ResourceKind kind) {
        return switch (kind) {
            case PROVIDER -> "bookProvider";
            case ROOM -> "bookRoom";
            case EQUIPMENT -> "bookEquipment";
        };
    }

    /** The choices the free times depend on, each refused beside its field. */
    private boolean choicesComplete(FacesContext context) {
        boolean complete = true;
        ServiceTypeRecord s = service();
        if (s == null) {
            FieldMessages.error(context, BOOK_FORM, "bookService", "choose the service");
            return false;
        }
        for (ResourceKind kind : s.requiredKinds()) {
            if (chosen(kind) == null) {
                FieldMessages.error(context, BOOK_FORM, fieldOf(kind),
                        "choose the " + kind.label().toLowerCase(Locale.ROOT));
                complete = false;
            }
        }
        if (bookDate == null) {
            FieldMessages.error(context, BOOK_FORM, "bookDate", "choose the day");
            complete = false;
        } else if (bookDate.isBefore(SchedulingUi.today())) {
            FieldMessages.error(context, BOOK_FORM, "bookDate", "is in the past");
            complete = false;
        }
        return complete;
    }

    public void findTimes() {
        FacesContext context = FacesContext.getCurrentInstance();
        resetTimes();
        if (!choicesComplete(context)) {
            return;
        }
        try {
            bookTimes = times();
        } catch (InvalidInputException e) {
            FieldMessages.BOOKING_FORM.show(context, BOOK_FORM, e);
        } catch (DomainException e) {
            AppointmentActions.problem(BOOK_PROBLEM, e.getMessage());
        }
    }

    /**
     * The free start times of the day; for a service that may be overbooked, also the starts of the chosen
     * resources' slots that are already booked (choosing one asks for the reason to overbook).
     */
    private List<TimeOption> times() {
        List<Long> ids = chosenResources();
        List<Instant> free = appointments.freeStarts(bookService, ids, bookDate);
        ServiceTypeRecord s = service();
        List<Instant> busy = new ArrayList<>();
        if (s != null && s.maxPerSlot() > 1) {
            Instant now = Instant.now();
            for (Long id : ids) {
                schedules.slots(id, SchedulingUi.startOf(bookDate), SchedulingUi.endOf(bookDate), "busy", 0,
                                MAX_SLOTS_A_DAY).items().stream()
                        .map(SlotRecord::start).filter(t -> t.isAfter(now)).forEach(busy::add);
            }
        }
        return TimeOption.of(free, busy);
    }

    public void book() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (bookPatient == null) {
            FieldMessages.error(context, BOOK_FORM, "bookMrn", "find the patient by MRN first");
            return;
        }
        if (!choicesComplete(context)) {
            return;
        }
        if (blank(bookStart)) {
            AppointmentActions.problem(BOOK_PROBLEM, "Choose the time: press “Free times” and pick one.");
            return;
        }
        override.keep();
        Instant start = Instant.parse(bookStart);
        BookingRequest request = BookingRequest.of(bookPatient.id(), bookService, start, chosenResources());
        request.setNote(blank(bookNote) ? null : bookNote.trim());
        request.setOverbookReason(override.overbook());
        request.setOverlapReason(override.overlap());
        try {
            if (bookRepeat) {
                SeriesResult series = appointments.bookSeries(request, bookEveryWeeks, bookOccurrences, Set.of());
                Pages.message(FacesMessage.SEVERITY_INFO, "Booked " + series.appointments().size() + " of "
                        + series.occurrences() + " appointments, every " + (series.everyWeeks() == 1 ? "week"
                        : series.everyWeeks() + " weeks") + " from " + UiFormat.formatWhen(start) + ", for "
                        + bookPatient.displayName() + ".");
                if (!series.skipped().isEmpty()) {
                    Pages.message(FacesMessage.SEVERITY_WARN, "Left out of the series: " + series.skipped().stream()
                            .map(k -> "no. " + k.occurrence() + " (" + UiFormat.formatWhen(k.plannedStart()) + "): "
                                    + k.reason())
                            .collect(Collectors.joining("; ")));
                }
            } else {
                AppointmentRecord booked = appointments.book(request);
                Pages.message(FacesMessage.SEVERITY_INFO, "Booked: " + AppointmentActions.describe(booked) + " with "
                        + booked.resourceNames() + ".");
            }
            date = SchedulingUi.local(start).toLocalDate();
            refresh();
            PrimeFaces.current().executeScript("PF('bookingDialog').hide()");
        } catch (OverrideRequiredException e) {
            override.asked(e);
            context.validationFailed();
        } catch (SlotConflictException e) {
            AppointmentActions.problem(BOOK_PROBLEM, e.getMessage() + " The free times were read again.");
            bookStart = null;
            try {
                bookTimes = times();
            } catch (DomainException again) {
                bookTimes = null;
            }
        } catch (InvalidInputException e) {
            FieldMessages.BOOKING_FORM.show(context, BOOK_FORM, e);
        } catch (DomainException e) {
            AppointmentActions.problem(BOOK_PROBLEM, e.getMessage());
        }
    }

    public LocalDate getToday() {
        return SchedulingUi.today();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public List<AppointmentRecord> getDay() { return day; }
    public List<AppointmentRecord> getRebooking() { return rebooking; }
    public String getBookMrn() { return bookMrn; }
    public void setBookMrn(String bookMrn) { this.bookMrn = bookMrn; }
    public PatientRecord getBookPatient() { return bookPatient; }
    public String getPatientNotice() { return patientNotice; }
    public Boolean getRemindersOff() { return remindersOff; }
    public String getBookService() { return bookService; }
    public void setBookService(String bookService) { this.bookService = bookService; }
    public Long getBookProvider() { return bookProvider; }
    public void setBookProvider(Long bookProvider) { this.bookProvider = bookProvider; }
    public Long getBookRoom() { return bookRoom; }
    public void setBookRoom(Long bookRoom) { this.bookRoom = bookRoom; }
    public Long getBookEquipment() { return bookEquipment; }
    public void setBookEquipment(Long bookEquipment) { this.bookEquipment = bookEquipment; }
    public LocalDate getBookDate() { return bookDate; }
    public void setBookDate(LocalDate bookDate) { this.bookDate = bookDate; }
    public List<TimeOption> getBookTimes() { return bookTimes; }
    public String getBookStart() { return bookStart; }
    public void setBookStart(String bookStart) { this.bookStart = bookStart; }
    public String getBookNote() { return bookNote; }
    public void setBookNote(String bookNote) { this.bookNote = bookNote; }
    public boolean isBookRepeat() { return bookRepeat; }
    public void setBookRepeat(boolean bookRepeat) { this.bookRepeat = bookRepeat; }
    public int getBookEveryWeeks() { return bookEveryWeeks; }
    public void setBookEveryWeeks(int bookEveryWeeks) { this.bookEveryWeeks = bookEveryWeeks; }
    public int getBookOccurrences() { return bookOccurrences; }
    public void setBookOccurrences(int bookOccurrences) { this.bookOccurrences = bookOccurrences; }
    public OverrideReasons getOverride() { return override; }
    public AppointmentRecord getCancelling() { return cancelling; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public SeriesScope getCancelScope() { return cancelScope; }
    public void setCancelScope(SeriesScope cancelScope) { this.cancelScope = cancelScope; }
}
