package org.asclepius.hms.web.scheduling;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.ExceptionRecord;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.UiFormat;
import org.primefaces.event.timeline.TimelineSelectEvent;
import org.primefaces.model.timeline.TimelineEvent;
import org.primefaces.model.timeline.TimelineGroup;
import org.primefaces.model.timeline.TimelineModel;

/**
 * /scheduling/department.xhtml?department=…[&amp;date=yyyy-MM-dd]: the resources of one department side by side
 * for a day (p:timeline, one row per resource), appointments coloured by status, leave and blocked time in the
 * background. Selecting an appointment shows it, with a link to the calendar where it can be changed.
 */
@Named
@ViewScoped
public class DepartmentView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "departmentForm";

    @Inject
    ScheduleService schedules;
    @Inject
    AppointmentService appointments;

    private String department;
    private LocalDate date;
    private List<ResourceRecord> all = List.of();
    private List<ResourceRecord> members = List.of();
    private TimelineModel<Object, String> model;
    private LocalDateTime start;
    private LocalDateTime end;
    private boolean showCancelled;
    private AppointmentRecord selected;
    private ExceptionRecord selectedBlock;
    private String chosenDepartment;
    private LocalDate chosenDate;

    /** viewAction. */
    public void load() {
        if (date == null) {
            date = SchedulingUi.today();
        }
        chosenDepartment = department;
        chosenDate = date;
        all = schedules.resources();
        if (department == null || department.isBlank()) {
            return;
        }
        members = members(all, department);
        if (members.isEmpty()) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        build();
    }

    static List<ResourceRecord> members(List<ResourceRecord> all, String department) {
        return all.stream().filter(r -> r.department().equalsIgnoreCase(department.trim()))
                .sorted(Comparator.comparing(ResourceRecord::kind)
                        .thenComparing(ResourceRecord::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The department's day: one group per resource, an item per appointment and resource it uses. */
    void build() {
        LocalTime[] range = SchedulingUi.dayRange(members, date.getDayOfWeek());
        start = date.atTime(range[0]);
        end = date.atTime(range[1]);
        Set<Long> ids = members.stream().map(ResourceRecord::id).collect(Collectors.toSet());
        TimelineModel<Object, String> m = new TimelineModel<>();
        for (ResourceRecord r : members) {
            m.addGroup(new TimelineGroup<>(String.valueOf(r.id()), r.name() + " · "
                    + r.kind().label() + (r.active() ? "" : " (not in use)")));
        }
        for (AppointmentRecord a : appointments.dayList(date, members.get(0).department())) {
            if (!showCancelled && !a.status().holdsSlots()) {
                continue;
            }
            for (ResourceRef ref : a.resources()) {
                if (ids.contains(ref.id())) {
                    m.add(item(a, ref.id()));
                }
            }
        }
        Instant from = SchedulingUi.startOf(date);
        Instant to = SchedulingUi.endOf(date);
        for (ResourceRecord r : members) {
            for (ExceptionRecord e : schedules.exceptions(r.id(), from, to)) {
                m.add(block(e));
            }
        }
        model = m;
    }

    static TimelineEvent<Object> item(AppointmentRecord a, long resourceId) {
        return TimelineEvent.<Object>builder()
                .id(a.id() + "-" + resourceId)
                .group(String.valueOf(resourceId))
                .startDate(SchedulingUi.local(a.start()))
                .endDate(SchedulingUi.local(a.end()))
                .styleClass(SchedulingUi.statusClass(a.status()) + " hms-appt-" + a.id())
                .title(a.status().label() + ": " + a.patientName() + " (MRN " + a.mrn() + "), " + a.serviceName()
                        + ", " + UiFormat.formatClock(a.start()) + "–" + UiFormat.formatClock(a.end()))
                .data(a)
                .editable(false)
                .build();
    }

    static TimelineEvent<Object> block(ExceptionRecord e) {
        return TimelineEvent.<Object>builder()
                .id("block-" + e.id())
                .group(String.valueOf(e.resourceId()))
                .startDate(SchedulingUi.local(e.start()))
                .endDate(SchedulingUi.local(e.end()))
                .styleClass(SchedulingUi.blockClass(e.kind()))
                .type("background")
                .title(e.kind().label() + ": " + e.reason())
                .data(e)
                .editable(false)
                .build();
    }

    /** The text of an item on the timeline. */
    public String itemText(Object data) {
        if (data instanceof AppointmentRecord a) {
            return UiFormat.formatClock(a.start()) + " " + a.patientName() + " · " + a.serviceName();
        }
        if (data instanceof ExceptionRecord e) {
            return e.kind().label() + ": " + e.reason();
        }
        return "";
    }

    public void onSelect(TimelineSelectEvent<Object> event) {
        Object data = event.getTimelineEvent() == null ? null : event.getTimelineEvent().getData();
        selected = data instanceof AppointmentRecord a ? a : null;
        selectedBlock = data instanceof ExceptionRecord e ? e : null;
    }

    public void toggleCancelled() {
        selected = null;
        if (!members.isEmpty()) {
            build();
        }
    }

    /** Another department or day, as an address of its own. */
    public String show() {
        if (chosenDepartment == null || chosenDepartment.isBlank()) {
            FieldMessages.error(FacesContext.getCurrentInstance(), FORM, "departmentChoice", "choose a department");
            return null;
        }
        return "/scheduling/department?faces-redirect=true&department="
                + URLEncoder.encode(chosenDepartment, StandardCharsets.UTF_8)
                + "&date=" + (chosenDate == null ? SchedulingUi.today() : chosenDate);
    }

    public String hoursText(ResourceRecord r) {
        return SchedulingUi.hoursText(r.hours());
    }

    public List<String> getDepartments() {
        return SchedulingUi.departments(all);
    }

    public String getTitle() {
        return members.isEmpty() ? "Departments" : members.get(0).department();
    }

    public LocalDate getPreviousDay() {
        return date.minusDays(1);
    }

    public LocalDate getNextDay() {
        return date.plusDays(1);
    }

    public LocalDateTime getDayStart() {
        return date.atStartOfDay();
    }

    public LocalDateTime getDayEnd() {
        return date.plusDays(1).atStartOfDay();
    }

    public String getChosenDepartment() { return chosenDepartment; }
    public void setChosenDepartment(String chosenDepartment) { this.chosenDepartment = chosenDepartment; }
    public LocalDate getChosenDate() { return chosenDate; }
    public void setChosenDate(LocalDate chosenDate) { this.chosenDate = chosenDate; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public List<ResourceRecord> getMembers() { return members; }
    public TimelineModel<Object, String> getModel() { return model; }
    public LocalDateTime getStart() { return start; }
    public LocalDateTime getEnd() { return end; }
    public boolean isShowCancelled() { return showCancelled; }
    public void setShowCancelled(boolean showCancelled) { this.showCancelled = showCancelled; }
    public AppointmentRecord getSelected() { return selected; }
    public ExceptionRecord getSelectedBlock() { return selectedBlock; }
}
