package org.asclepius.hms.web.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.WaitlistData;
import org.asclepius.hms.scheduling.WaitlistRecord;
import org.asclepius.hms.scheduling.WaitlistService;
import org.asclepius.hms.scheduling.WaitlistStatus;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.UiFormat;

/**
 * /scheduling/waitlist.xhtml: patients waiting for a service (with a given resource or any) between two dates, in
 * the order they asked. A slot that frees up is offered to the first who fits; the clerk records the patient's
 * answer here (accept: booked; decline: the slot goes to the next, the patient keeps waiting) or takes them off.
 */
@Named
@ViewScoped
public class WaitlistView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "waitlistForm";
    /** How far ahead the "until" date of a new entry is, unless the clerk changes it. */
    static final int DEFAULT_WEEKS = 4;

    @Inject
    WaitlistService waitlist;
    @Inject
    ScheduleService schedules;
    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private List<ServiceTypeRecord> services = List.of();
    private List<ResourceRecord> resources = List.of();
    private String mrn;
    private PatientRecord patient;
    private String patientNotice;
    private WaitlistData data;
    private WaitlistStatus filter;
    private List<WaitlistRecord> entries = List.of();

    @PostConstruct
    void init() {
        services = schedules.services();
        resources = schedules.resources();
        startNew();
        reload();
    }

    private void startNew() {
        data = new WaitlistData();
        LocalDate today = SchedulingUi.today();
        data.setEarliest(today);
        data.setLatest(today.plusWeeks(DEFAULT_WEEKS));
    }

    public void reload() {
        entries = waitlist.list(filter);
    }

    public void findPatient() {
        FacesContext context = FacesContext.getCurrentInstance();
        patient = null;
        patientNotice = null;
        if (mrn == null || mrn.isBlank()) {
            FieldMessages.error(context, FORM, "wlMrn", "enter the patient's MRN");
            return;
        }
        try {
            PatientRecord found = patients.getByMrn(mrn.trim());
            if (found.isMerged()) {
                patientNotice = "MRN " + found.mrn() + " was merged into MRN " + found.mergedInto().mrn()
                        + ": adding that record.";
                found = patients.get(found.mergedInto().id());
            }
            patient = found;
        } catch (InvalidInputException e) {
            FieldMessages.error(context, FORM, "wlMrn", e.getFieldErrors().getOrDefault("mrn", "is not a valid MRN"));
        } catch (NotFoundException e) {
            FieldMessages.error(context, FORM, "wlMrn", "no patient has this MRN");
        }
    }

    public void serviceChanged() {
        data.setResourceId(null);
    }

    public List<ServiceTypeRecord> getBookableServices() {
        return services.stream().filter(ServiceTypeRecord::active).toList();
    }

    /** The resources that offer the chosen service (any of them when none is chosen). */
    public List<ResourceRecord> getResourceOptions() {
        ServiceTypeRecord s = services.stream().filter(x -> x.code().equals(data.getServiceCode())).findFirst()
                .orElse(null);
        if (s == null) {
            return List.of();
        }
        return resources.stream().filter(r -> r.active() && s.resourceIds().contains(r.id()))
                .sorted(Comparator.comparing(ResourceRecord::kind)
                        .thenComparing(ResourceRecord::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    public void add() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (patient == null) {
            FieldMessages.error(context, FORM, "wlMrn", "find the patient by MRN first");
            return;
        }
        data.setPatientId(patient.id());
        try {
            WaitlistRecord added = waitlist.add(data);
            Pages.message(FacesMessage.SEVERITY_INFO, added.patientName() + " is on the waitlist for "
                    + added.serviceName() + " (" + added.earliest() + " to " + added.latest() + ").");
            patient = null;
            mrn = null;
            patientNotice = null;
            startNew();
            reload();
        } catch (InvalidInputException e) {
            FieldMessages.WAITLIST_FORM.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    public void accept(WaitlistRecord entry) {
        try {
            WaitlistRecord done = waitlist.accept(entry.id(), entry.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Booked from the waitlist: " + done.patientName() + ", "
                    + done.serviceName() + (entry.offer() == null ? "" : ", " + UiFormat.formatWhen(entry.offer().start()))
                    + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        reload();
    }

    public void decline(WaitlistRecord entry) {
        try {
            WaitlistRecord done = waitlist.decline(entry.id(), entry.version());
            Pages.message(FacesMessage.SEVERITY_INFO, done.patientName() + " declined the offer and keeps waiting;"
                    + " the time goes to the next in line.");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        reload();
    }

    public void remove(WaitlistRecord entry) {
        try {
            WaitlistRecord done = waitlist.remove(entry.id(), entry.version());
            Pages.message(FacesMessage.SEVERITY_INFO, done.patientName() + " was taken off the waitlist for "
                    + done.serviceName() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        reload();
    }

    public boolean canAnswer(WaitlistRecord entry) {
        return entry.status() == WaitlistStatus.OFFERED && entry.offer() != null && user.isCanRunFrontDesk();
    }

    public boolean canRemove(WaitlistRecord entry) {
        return entry.status() == WaitlistStatus.WAITING || entry.status() == WaitlistStatus.OFFERED;
    }

    public boolean isExpired(WaitlistRecord entry) {
        return entry.offer() != null && entry.offer().offerExpiresAt() != null
                && !entry.offer().offerExpiresAt().isAfter(Instant.now());
    }

    /** Place in line among the open entries (1 = next to be offered a fitting slot). */
    public boolean isLineOrder() {
        return filter == null || filter == WaitlistStatus.WAITING;
    }

    public WaitlistStatus[] getStatuses() {
        return WaitlistStatus.values();
    }

    public LocalDate getToday() {
        return SchedulingUi.today();
    }

    public String getMrn() { return mrn; }
    public void setMrn(String mrn) { this.mrn = mrn; }
    public PatientRecord getPatient() { return patient; }
    public String getPatientNotice() { return patientNotice; }
    public WaitlistData getData() { return data; }
    public WaitlistStatus getFilter() { return filter; }
    public void setFilter(WaitlistStatus filter) { this.filter = filter; }
    public List<WaitlistRecord> getEntries() { return entries; }
}
