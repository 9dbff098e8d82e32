package org.asclepius.hms.web.patient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.CurrentUser;
import org.asclepius.hms.web.shared.Pages;

/**
 * /patient/edit-patient.xhtml?id=N: edits a patient's registration. Keeps the version it loaded, so that a
 * save after someone else's change is refused with who changed it and when ({@link ConcurrentUpdateException})
 * instead of overwriting it; the user then reloads.
 */
@Named
@ViewScoped
public class EditPatientView extends PatientFormView {
    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;
    @Inject
    CurrentUser user;

    private Long id;
    private PatientRecord patient;
    private long loadedVersion;
    private boolean conflict;

    @Override
    protected String formId() {
        return "editForm";
    }

    /** viewAction (first request of the view). */
    public void load() {
        if (!user.isCanEditPatients()) {
            Pages.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (id == null) {
            notFound();
            return;
        }
        try {
            show(patients.get(id));
        } catch (NotFoundException e) {
            notFound();
        }
    }

    private void notFound() {
        patient = null;
        data = null;
        Pages.status(HttpServletResponse.SC_NOT_FOUND);
    }

    private void show(PatientRecord record) {
        patient = record;
        data = record.toData();
        loadedVersion = record.version();
        conflict = false;
        showAtLeastOneRow();
    }

    public String save() {
        if (patient == null) {
            return null;
        }
        dropEmptyIdentifierRows();
        try {
            PatientRecord saved = patients.update(patient.id(), loadedVersion, data);
            Pages.flash(FacesMessage.SEVERITY_INFO, "Patient updated \u2014 MRN " + saved.mrn());
            return "/patient/patient-summary.xhtml?faces-redirect=true&id=" + saved.id();
        } catch (InvalidInputException e) {
            showAtLeastOneRow();
            showInvalid(e);
        } catch (ConcurrentUpdateException e) {
            showAtLeastOneRow();
            conflict = true;
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        } catch (NotFoundException e) {
            notFound();
        }
        return null;
    }

    /** Discards the user's changes and shows the patient as saved now. */
    public void reload() {
        try {
            show(patients.get(patient.id()));
            Pages.message(FacesMessage.SEVERITY_INFO, "Reloaded: this is the patient as saved now.");
        } catch (NotFoundException e) {
            notFound();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public PatientRecord getPatient() {
        return patient;
    }

    public boolean isConflict() {
        return conflict;
    }

    public long getLoadedVersion() {
        return loadedVersion;
    }
}
