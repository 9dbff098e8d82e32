package org.asclepius.hms.web.patient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.coverage.CoverageData;
import org.asclepius.hms.patient.coverage.CoveragePriority;
import org.asclepius.hms.patient.coverage.CoverageRecord;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.asclepius.hms.patient.coverage.SubscriberRelationship;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /patient/patient-coverage.xhtml?id=N: a patient's insurance coverages, and the form to add one or change
 * one (optimistic locking: a change made by someone else in between is not overwritten).
 */
@Named
@ViewScoped
public class PatientCoverageView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "coverageForm";

    @Inject
    PatientService patients;
    @Inject
    CoverageService coverages;

    private Long id;
    private PatientRecord patient;
    private List<CoverageRecord> list = List.of();
    private CoverageData data;
    private Long editingId;
    private long editingVersion;

    /** viewAction. */
    public void load() {
        patient = null;
        if (id == null) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            patient = patients.get(id);
            list = coverages.forPatient(id);
            startNew();
        } catch (NotFoundException e) {
            Pages.status(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public void startNew() {
        editingId = null;
        data = new CoverageData();
        data.setEffectiveFrom(LocalDate.now(TimeFormat.hospitalZone()));
        data.setPriority(list.stream().anyMatch(c -> c.priority() == CoveragePriority.PRIMARY
                && c.activeOn(LocalDate.now(TimeFormat.hospitalZone()))) ? CoveragePriority.SECONDARY
                : CoveragePriority.PRIMARY);
    }

    public void edit(CoverageRecord coverage) {
        editingId = coverage.id();
        editingVersion = coverage.version();
        data = coverage.toData();
    }

    public void save() {
        try {
            if (editingId == null) {
                coverages.add(patient.id(), data);
                Pages.message(FacesMessage.SEVERITY_INFO, "Coverage added.");
            } else {
                coverages.update(editingId, editingVersion, data);
                Pages.message(FacesMessage.SEVERITY_INFO, "Coverage saved.");
            }
            list = coverages.forPatient(patient.id());
            startNew();
        } catch (InvalidInputException e) {
            FieldMessages.COVERAGE_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (ConcurrentUpdateException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            list = coverages.forPatient(patient.id());
        }
    }

    public boolean isActive(CoverageRecord coverage) {
        return coverage.activeOn(LocalDate.now(TimeFormat.hospitalZone()));
    }

    public CoveragePriority[] getPriorities() {
        return CoveragePriority.values();
    }

    public SubscriberRelationship[] getRelationships() {
        return SubscriberRelationship.values();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public PatientRecord getPatient() { return patient; }
    public List<CoverageRecord> getList() { return list; }
    public CoverageData getData() { return data; }
    public boolean isEditing() { return editingId != null; }
}
