package org.asclepius.hms.web.inpatient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.asclepius.hms.inpatient.AdmissionPriority;
import org.asclepius.hms.inpatient.AdmissionRecord;
import org.asclepius.hms.inpatient.AdmissionRequestData;
import org.asclepius.hms.inpatient.AdmissionRequestRecord;
import org.asclepius.hms.inpatient.AdmissionRequestService;
import org.asclepius.hms.inpatient.AdmissionSource;
import org.asclepius.hms.inpatient.BedChoice;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.WardChoice;
import org.asclepius.hms.inpatient.WristbandService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * /inpatient/admissions.xhtml: the bed manager's worklist of patients waiting for a bed (most urgent first), with
 * reserve, admit to a bed and cancel; the form to request a bed or pre-admit an elective case; the wristband of
 * the patient just admitted.
 */
@Named
@ViewScoped
public class AdmissionsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String REQUEST_FORM = "requestForm";
    static final String BED_FORM = "bedForm";
    static final String CLOSE_FORM = "closeForm";
    static final String BED_PROBLEM = "bedProblem";

    @Inject
    AdmissionRequestService requests;
    @Inject
    WristbandService wristbands;
    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private List<AdmissionRequestRecord> waiting = List.of();
    private List<WardChoice> wards = List.of();

    // a new request or pre-admission
    private String mrn;
    private PatientRecord patient;
    private boolean elective;
    private AdmissionSource source;
    private AdmissionPriority priority;
    private String reason;
    private Long wardId;
    private BedKind bedKind;
    private String attending;
    private LocalDate plannedFor;
    private Long holdBedId;

    // working one request
    private AdmissionRequestRecord selected;
    private boolean reserving;
    private List<BedChoice> bedChoices = List.of();
    private Long bedId;
    private String closeReason;
    private AdmissionRecord admitted;

    /** viewAction. */
    public void load() {
        wards = requests.openWards();
        refresh();
    }

    public void refresh() {
        waiting = requests.waiting();
    }

    public void findPatient() {
        FacesContext context = FacesContext.getCurrentInstance();
        patient = null;
        if (mrn == null || mrn.isBlank()) {
            FieldMessages.error(context, REQUEST_FORM, "reqMrn", "enter the patient's MRN");
            return;
        }
        try {
            PatientRecord found = patients.getByMrn(mrn.trim());
            patient = found.isMerged() ? patients.get(found.mergedInto().id()) : found;
        } catch (InvalidInputException e) {
            FieldMessages.error(context, REQUEST_FORM, "reqMrn",
                    e.getFieldErrors().getOrDefault("mrn", "is not a valid MRN"));
        } catch (NotFoundException e) {
            FieldMessages.error(context, REQUEST_FORM, "reqMrn", "no patient has this MRN");
        }
    }

    /** Elective cases are planned ahead; the others need a bed now. */
    public void kindChanged() {
        source = elective ? AdmissionSource.ELECTIVE : null;
        priority = elective ? AdmissionPriority.ROUTINE : priority;
        holdBedId = null;
    }

    public void submitRequest() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (patient == null) {
            FieldMessages.error(context, REQUEST_FORM, "reqMrn", "find the patient by MRN first");
            return;
        }
        AdmissionRequestData data = new AdmissionRequestData(source, priority, reason, wardId, bedKind, attending,
                elective ? plannedFor : null, elective ? holdBedId : null);
        try {
            AdmissionRequestRecord done = elective ? requests.preAdmit(patient.id(), data)
                    : requests.request(patient.id(), data);
            Pages.message(FacesMessage.SEVERITY_INFO, (elective ? "Pre-admitted " : "Bed requested for ")
                    + done.patientName() + " (MRN " + done.mrn() + ")"
                    + (done.reservedBed() == null ? "" : ", bed " + done.reservedBed() + " held") + ".");
            clearRequest();
            refresh();
        } catch (InvalidInputException e) {
            FieldMessages.ADMISSION_REQUEST_FORM.show(context, REQUEST_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
    }

    private void clearRequest() {
        mrn = null;
        patient = null;
        elective = false;
        source = null;
        priority = null;
        reason = null;
        wardId = null;
        bedKind = null;
        attending = null;
        plannedFor = null;
        holdBedId = null;
    }

    /** Opens the bed chooser to admit ({@code reserve == false}) or to hold a bed. */
    public void choose(AdmissionRequestRecord r, boolean reserve) {
        selected = r;
        reserving = reserve;
        bedChoices = requests.bedsFor(r.id());
        bedId = r.reservedBedId() != null && !reserve ? r.reservedBedId()
                : bedChoices.isEmpty() ? null : bedChoices.get(reserve && r.reservedBedId() != null
                        && bedChoices.size() > 1 ? 1 : 0).id();
    }

    public void confirmBed() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (selected == null) {
            return;
        }
        if (bedId == null) {
            FieldMessages.error(context, BED_FORM, "bedChoice", "choose a bed");
            return;
        }
        try {
            if (reserving) {
                AdmissionRequestRecord held = requests.reserve(selected.id(), selected.version(), bedId);
                Pages.message(FacesMessage.SEVERITY_INFO, "Bed " + held.reservedBed() + " held for "
                        + held.patientName() + ".");
            } else {
                admitted = requests.fulfil(selected.id(), selected.version(), bedId);
                Pages.message(FacesMessage.SEVERITY_INFO, "Admitted " + admitted.patientName() + " to bed "
                        + admitted.bed() + ".");
            }
            selected = null;
            refresh();
            PrimeFaces.current().executeScript("PF('bedDialog').hide()");
        } catch (InvalidInputException e) {
            FieldMessages.BED_CHOICE_FORM.show(context, BED_FORM, e);
        } catch (DomainException e) {
            context.addMessage(BED_PROBLEM, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(),
                    e.getMessage()));
            context.validationFailed();
        }
    }

    public void startClose(AdmissionRequestRecord r) {
        selected = r;
        closeReason = null;
    }

    public void confirmClose() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (selected == null) {
            return;
        }
        try {
            AdmissionRequestRecord done = requests.cancel(selected.id(), selected.version(), closeReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Request for " + done.patientName() + " cancelled.");
            selected = null;
            refresh();
            PrimeFaces.current().executeScript("PF('closeDialog').hide()");
        } catch (InvalidInputException e) {
            FieldMessages.BED_CHOICE_FORM.show(context, CLOSE_FORM, e);
        } catch (DomainException e) {
            context.addMessage(BED_PROBLEM, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(),
                    e.getMessage()));
            context.validationFailed();
        }
    }

    /** The wristband PDF of the patient just admitted. */
    public StreamedContent getWristband() {
        if (admitted == null) {
            return null;
        }
        WristbandService.Pdf pdf = wristbands.forAdmission(admitted.id());
        return DefaultStreamedContent.builder().name(pdf.fileName()).contentType("application/pdf")
                .stream(() -> new ByteArrayInputStream(pdf.content())).build();
    }

    /** Free beds of the chosen ward, to hold one for a pre-admission. */
    public List<BedChoice> getHoldableBeds() {
        return wardId == null ? List.of() : requests.freeBeds(wardId, bedKind);
    }

    public String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String s = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public String priorityStyle(AdmissionPriority p) {
        return switch (p) {
            case EMERGENCY -> "danger";
            case URGENT -> "warning";
            case ROUTINE -> "info";
        };
    }

    public AdmissionSource[] getSources() {
        return elective ? new AdmissionSource[] {AdmissionSource.ELECTIVE}
                : new AdmissionSource[] {AdmissionSource.EMERGENCY, AdmissionSource.OUTPATIENT, AdmissionSource.DIRECT};
    }

    public AdmissionPriority[] getPriorities() { return AdmissionPriority.values(); }
    public BedKind[] getBedKinds() { return BedKind.values(); }
    public List<AdmissionRequestRecord> getWaiting() { return waiting; }
    public List<WardChoice> getWards() { return wards; }
    public String getMrn() { return mrn; }
    public void setMrn(String mrn) { this.mrn = mrn; }
    public PatientRecord getPatient() { return patient; }
    public boolean isElective() { return elective; }
    public void setElective(boolean elective) { this.elective = elective; }
    public AdmissionSource getSource() { return source; }
    public void setSource(AdmissionSource source) { this.source = source; }
    public AdmissionPriority getPriority() { return priority; }
    public void setPriority(AdmissionPriority priority) { this.priority = priority; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getWardId() { return wardId; }
    public void setWardId(Long wardId) { this.wardId = wardId; }
    public BedKind getBedKind() { return bedKind; }
    public void setBedKind(BedKind bedKind) { this.bedKind = bedKind; }
    public String getAttending() { return attending; }
    public void setAttending(String attending) { this.attending = attending; }
    public LocalDate getPlannedFor() { return plannedFor; }
    public void setPlannedFor(LocalDate plannedFor) { this.plannedFor = plannedFor; }
    public Long getHoldBedId() { return holdBedId; }
    public void setHoldBedId(Long holdBedId) { this.holdBedId = holdBedId; }
    public AdmissionRequestRecord getSelected() { return selected; }
    public boolean isReserving() { return reserving; }
    public List<BedChoice> getBedChoices() { return bedChoices; }
    public Long getBedId() { return bedId; }
    public void setBedId(Long bedId) { this.bedId = bedId; }
    public String getCloseReason() { return closeReason; }
    public void setCloseReason(String closeReason) { this.closeReason = closeReason; }
    public AdmissionRecord getAdmitted() { return admitted; }
}
