package org.asclepius.hms.web.patient;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.CurrentUser;
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
            PatientRecord registered = patients.register(data);
            Pages.flash(FacesMessage.SEVERITY_INFO, "Patient registered \u2014 MRN " + registered.mrn());
            return "/patient/patient-summary.xhtml?faces-redirect=true&id=" + registered.id();
        } catch (InvalidInputException e) {
            showAtLeastOneRow();
            showInvalid(e);
            return null;
        }
    }
}
