package org.asclepius.hms.web.patient;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.faces.context.FacesContext;
import java.util.List;
import org.asclepius.hms.patient.DuplicateCandidate;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PossibleDuplicateException;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/** /patient/register-patient.xhtml: registers a patient; on success opens the new patient's summary. */
@Named
@ViewScoped
public class RegisterPatientView extends PatientFormView {
    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private List<DuplicateCandidate> duplicates = List.of();
    private String differentPersonReason;

    @PostConstruct
    void init() {
        data = new PatientData();
        showAtLeastOneRow();
    }

    @Override
    protected String formId() {
        return "registerForm";
    }

    /** viewAction: a user whose roles cannot register gets the forbidden page rather than a form to fill. */
    public void checkAccess() {
        if (!user.isCanEditPatients()) {
            Pages.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    public String save() {
        dropEmptyIdentifierRows();
        try {
            PatientRecord registered = patients.registerChecked(data, differentPersonReason);
            Pages.flash(FacesMessage.SEVERITY_INFO, "Patient registered \u2014 MRN " + registered.mrn());
            return "/patient/patient-summary.xhtml?faces-redirect=true&id=" + registered.id();
        } catch (InvalidInputException e) {
            showAtLeastOneRow();
            if (e.getFieldErrors().containsKey("differentPersonReason")) {
                FieldMessages.error(FacesContext.getCurrentInstance(), formId(), "differentPersonReason",
                        e.getFieldErrors().get("differentPersonReason"));
            } else {
                showInvalid(e);
            }
            return null;
        } catch (PossibleDuplicateException e) {
            // show every likely and possible match, with why it matched (this listing is audited)
            showAtLeastOneRow();
            duplicates = patients.findDuplicates(data, null);
            Pages.message(FacesMessage.SEVERITY_WARN, e.getMessage());
            return null;
        }
    }

    /** Leaves the duplicate check: the clerk changes the data and saves again. */
    public void backToForm() {
        duplicates = List.of();
        differentPersonReason = null;
    }

    public List<DuplicateCandidate> getDuplicates() {
        return duplicates;
    }

    public boolean isDuplicateCheck() {
        return !duplicates.isEmpty();
    }

    public String getDifferentPersonReason() {
        return differentPersonReason;
    }

    public void setDifferentPersonReason(String differentPersonReason) {
        this.differentPersonReason = differentPersonReason;
    }
}
