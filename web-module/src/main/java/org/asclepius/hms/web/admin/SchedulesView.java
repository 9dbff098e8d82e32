package org.asclepius.hms.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.ResourceData;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleChange;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeData;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WeeklyPeriod;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.scheduling.SchedulingUi;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /admin/schedules.xhtml (admin): the bookable resources (providers, rooms, equipment) with their weekly working
 * hours, and the services with the resources that offer them. A change that leaves booked appointments in time
 * that is no longer worked is saved, and those appointments are listed for rebooking.
 */
@Named
@ViewScoped
public class SchedulesView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "schedulesForm";
    /** As many periods as the page has rows (three a day). */
    public static final int MAX_PERIODS = 21;
    static final LocalTime DEFAULT_START = LocalTime.of(8, 0);
    static final LocalTime DEFAULT_END = LocalTime.of(17, 0);

    @Inject
    ScheduleService schedules;

    private List<ResourceRecord> resources = List.of();
    private List<ServiceTypeRecord> services = List.of();

    private ResourceData resource;
    private Long resourceId;
    private long resourceVersion;
    private String resourceName;
    private List<PeriodRow> hours = new ArrayList<>();

    private ServiceTypeData service;
    private String serviceCode;
    private long serviceVersion;
    private List<String> serviceKinds = new ArrayList<>();

    private String changeText;
    private List<AppointmentRecord> affected = List.of();

    /** One working period of the hours editor (blank rows are dropped before saving). */
    public static class PeriodRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private DayOfWeek day;
        private LocalTime start;
        private LocalTime end;

        public PeriodRow() {
        }

        public PeriodRow(DayOfWeek day, LocalTime start, LocalTime end) {
            this.day = day;
            this.start = start;
            this.end = end;
        }

        boolean isBlank() {
            return start == null && end == null;
        }

        WeeklyPeriod toPeriod() {
            return new WeeklyPeriod(day, start, end);
        }

        public DayOfWeek getDay() { return day; }
        public void setDay(DayOfWeek day) { this.day = day; }
        public LocalTime getStart() { return start; }
        public void setStart(LocalTime start) { this.start = start; }
        public LocalTime getEnd() { return end; }
        public void setEnd(LocalTime end) { this.end = end; }
    }

    @PostConstruct
    void init() {
        reload();
        newResource();
        newService();
    }

    void reload() {
        resources = schedules.resources();
        services = schedules.services();
    }

    // ---- resources ----

    public void newResource() {
        resourceId = null;
        resourceName = null;
        resource = new ResourceData();
        resource.setKind(ResourceKind.PROVIDER);
        hours = new ArrayList<>();
    }

    public void editResource(ResourceRecord r) {
        resourceId = r.id();
        resourceVersion = r.version();
        resourceName = r.name();
        resource = ResourceData.of(r);
        hours = rows(r.hours());
        if (hours.isEmpty()) {
            addPeriod();
        }
    }

    public void saveResource() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            if (resourceId == null) {
                ResourceRecord created = schedules.createResource(resource);
                reload();
                editResource(created);
                showChange(created.name() + " added. Now enter the working hours: nothing can be booked before.",
                        null);
            } else {
                ScheduleChange change = schedules.updateResource(resourceId, resourceVersion, resource);
                reload();
                ResourceRecord saved = schedules.resource(resourceId);
                resourceVersion = saved.version();
                resourceName = saved.name();
                resource = ResourceData.of(saved);
                showChange(saved.name() + " saved.", change);
            }
        } catch (InvalidInputException e) {
            FieldMessages.RESOURCE_FORM.show(context, FORM, e);
        } catch (ConcurrentUpdateException e) {
            refused(e);
        }
    }

    // ---- working hours ----

    static List<PeriodRow> rows(List<WeeklyPeriod> periods) {
        return periods.stream().map(p -> new PeriodRow(p.day(), p.start(), p.end()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    /** A new period: the day after the last one, at the same times (Monday to Friday in four clicks). */
    public void addPeriod() {
        if (hours.size() >= MAX_PERIODS) {
            return;
        }
        if (hours.isEmpty()) {
            hours.add(new PeriodRow(DayOfWeek.MONDAY, DEFAULT_START, DEFAULT_END));
            return;
        }
        PeriodRow last = hours.get(hours.size() - 1);
        hours.add(new PeriodRow(last.day == null ? DayOfWeek.MONDAY : last.day.plus(1),
                last.start == null ? DEFAULT_START : last.start, last.end == null ? DEFAULT_END : last.end));
    }

    public void removePeriod(int index) {
        if (index >= 0 && index < hours.size()) {
            hours.remove(index);
        }
    }

    /** Rows without times are left out, so that error row numbers match the rows on the page. */
    void dropBlankRows() {
        hours.removeIf(PeriodRow::isBlank);
    }

    List<WeeklyPeriod> periods() {
        return hours.stream().map(PeriodRow::toPeriod).toList();
    }

    public void saveHours() {
        if (resourceId == null) {
            return;
        }
        dropBlankRows();
        try {
            ScheduleChange change = schedules.setHours(resourceId, resourceVersion, periods());
            ResourceRecord saved = schedules.resource(resourceId);
            resourceVersion = saved.version();
            hours = rows(saved.hours());
            reload();
            showChange("Working hours of " + saved.name() + " saved"
                    + (saved.hours().isEmpty() ? ": none, so nothing can be booked." : "."), change);
        } catch (InvalidInputException e) {
            FieldMessages.HOURS_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (ConcurrentUpdateException e) {
            refused(e);
        }
    }

    public boolean isCanAddPeriod() {
        return hours.size() < MAX_PERIODS;
    }

    public DayOfWeek[] getDays() {
        return DayOfWeek.values();
    }

    public String dayLabel(DayOfWeek day) {
        return day == null ? "" : day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    public String hoursText(ResourceRecord r) {
        return SchedulingUi.hoursText(r.hours());
    }

    // ---- services ----

    public void newService() {
        serviceCode = null;
        service = new ServiceTypeData();
        serviceKinds = new ArrayList<>(List.of(ResourceKind.PROVIDER.name()));
    }

    public void editService(ServiceTypeRecord s) {
        serviceCode = s.code();
        serviceVersion = s.version();
        service = ServiceTypeData.of(s);
        serviceKinds = s.requiredKinds().stream().sorted().map(Enum::name)
                .collect(Collectors.toCollection(ArrayList::new));
    }

    Set<ResourceKind> chosenKinds() {
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        for (String k : serviceKinds) {
            kinds.add(ResourceKind.valueOf(k));
        }
        return kinds;
    }

    /** The kinds changed: resources of a kind no longer needed are taken off the list. */
    public void kindsChanged() {
        Set<ResourceKind> kinds = chosenKinds();
        service.getResourceIds().removeIf(id -> resources.stream()
                .noneMatch(r -> Objects.equals(r.id(), id) && kinds.contains(r.kind())));
    }

    /** The resources that may offer the service: of the kinds it needs, by department. */
    public List<SelectItem> getServiceResourceOptions() {
        Set<ResourceKind> kinds = chosenKinds();
        List<Long> chosen = service.getResourceIds();
        return SchedulingUi.byDepartment(resources, r -> kinds.contains(r.kind())
                && (r.active() || chosen.contains(r.id())));
    }

    public void saveService() {
        service.setRequiredKinds(chosenKinds());
        try {
            if (serviceCode == null) {
                ServiceTypeRecord added = schedules.createService(service);
                Pages.message(FacesMessage.SEVERITY_INFO, "Service " + added.label() + " added.");
            } else {
                ServiceTypeRecord saved = schedules.updateService(serviceCode, serviceVersion, service);
                Pages.message(FacesMessage.SEVERITY_INFO, "Service " + saved.label() + " saved.");
            }
            reload();
            newService();
        } catch (InvalidInputException e) {
            FieldMessages.SERVICE_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (ConcurrentUpdateException e) {
            refused(e);
        }
    }

    public String resourceNames(ServiceTypeRecord s) {
        return resources.stream().filter(r -> s.resourceIds().contains(r.id())).map(ResourceRecord::name)
                .sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", "));
    }

    public String kindsText(ServiceTypeRecord s) {
        return SchedulingUi.kindsText(s.requiredKinds());
    }

    public ResourceKind[] getKinds() {
        return ResourceKind.values();
    }

    // ---- outcome ----

    private void showChange(String text, ScheduleChange change) {
        changeText = text;
        affected = change == null ? List.of() : change.affected();
        Pages.message(FacesMessage.SEVERITY_INFO, text);
        if (!affected.isEmpty()) {
            Pages.message(FacesMessage.SEVERITY_WARN, affected.size() + (affected.size() == 1
                    ? " booked appointment now lies" : " booked appointments now lie")
                    + " outside the working time: rebook them (listed below and on the front desk).");
        }
    }

    private void refused(DomainException e) {
        Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        FacesContext.getCurrentInstance().validationFailed();
        reload();
    }

    /** The departments already used (offered while typing a new resource's department). */
    public List<String> getDepartments() {
        return SchedulingUi.departments(resources);
    }

    public List<ResourceRecord> getResources() { return resources; }
    public List<ServiceTypeRecord> getServices() { return services; }
    public ResourceData getResource() { return resource; }
    public boolean isEditingResource() { return resourceId != null; }
    public Long getResourceId() { return resourceId; }
    public String getResourceName() { return resourceName; }
    public List<PeriodRow> getHours() { return hours; }
    public ServiceTypeData getService() { return service; }
    public boolean isEditingService() { return serviceCode != null; }
    public List<String> getServiceKinds() { return serviceKinds; }
    public void setServiceKinds(List<String> serviceKinds) {
        this.serviceKinds = serviceKinds == null ? new ArrayList<>() : new ArrayList<>(serviceKinds);
    }
    public String getChangeText() { return changeText; }
    public List<AppointmentRecord> getAffected() { return affected; }
}
