package org.asclepius.hms.web.patient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/** /patient/quick-register.xhtml: emergency registration of a patient who cannot be identified yet. */
@Named
@ViewScoped
public class QuickRegisterView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "quickForm";

    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private final UnidentifiedPatientData data = new UnidentifiedPatientData();

    /** viewAction: roles that cannot register get the forbidden page rather than a form. */
    public void checkAccess() {
        if (!user.isCanEditPatients()) {
            Pages.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    public String save() {
        try {
            PatientRecord registered = patients.registerUnidentified(data);
            Pages.flash(FacesMessage.SEVERITY_INFO, "Unidentified patient registered \u2014 MRN " + registered.mrn());
            return "/patient/patient-summary.xhtml?faces-redirect=true&id=" + registered.id();
        } catch (InvalidInputException e) {
            FieldMessages.UNIDENTIFIED_PATIENT_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
            return null;
        }
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public UnidentifiedPatientData getData() {
        return data;
    }
}
