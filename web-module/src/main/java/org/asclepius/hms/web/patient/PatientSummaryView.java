package org.asclepius.hms.web.patient;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.Pages;

/** /patient/patient-summary.xhtml?id=N: a patient's registration data, read-only. */
@Named
@ViewScoped
public class PatientSummaryView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;

    private Long id;
    private PatientRecord patient;

    /** viewAction. */
    public void load() {
        patient = null;
        if (id == null) {
            notFound();
            return;
        }
        try {
            patient = patients.get(id);
        } catch (NotFoundException e) {
            notFound();
        }
    }

    private void notFound() {
        Pages.status(HttpServletResponse.SC_NOT_FOUND);
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

    public boolean isHasIdentifiers() {
        return patient != null && !patient.identifiers().isEmpty();
    }
}
