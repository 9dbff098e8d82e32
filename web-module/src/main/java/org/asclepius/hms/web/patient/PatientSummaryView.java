package org.asclepius.hms.web.patient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.IdentifierTypes;
import org.asclepius.hms.patient.PatientMergeRecord;
import org.asclepius.hms.patient.PatientMergeService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.primefaces.PrimeFaces;
import org.asclepius.hms.web.shared.Pages;

/** /patient/patient-summary.xhtml?id=N: a patient's registration data, read-only. */
@Named
@ViewScoped
public class PatientSummaryView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    PatientService patients;
    @Inject
    IdentifierTypeService identifierTypeService;
    @Inject
    PatientMergeService merges;

    private Long id;
    private PatientRecord patient;
    private IdentifierTypes identifierTypes;
    private PatientMergeRecord merge;
    private String undoReason;

    /** viewAction. */
    public void load() {
        patient = null;
        if (id == null) {
            notFound();
            return;
        }
        try {
            patient = patients.get(id);
            identifierTypes = identifierTypeService.catalog();
            merge = patient.isMerged() ? merges.mergeOf(id).orElse(null) : null;
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

    /** Undoes the merge of this record into its survivor (records officer). */
    public void unmerge() {
        try {
            PatientMergeRecord undone = merges.unmerge(patient.id(), undoReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "The merge into MRN " + undone.survivorMrn() + " was undone.");
            undoReason = null;
            load();
            PrimeFaces.current().executeScript("PF('undoMergeDialog').hide()");
        } catch (InvalidInputException e) {
            FieldMessages.MERGE_FORM.show(FacesContext.getCurrentInstance(), "undoMergeForm", e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            PrimeFaces.current().executeScript("PF('undoMergeDialog').hide()");
        }
    }

    public PatientMergeRecord getMerge() {
        return merge;
    }

    public String getUndoReason() {
        return undoReason;
    }

    public void setUndoReason(String undoReason) {
        this.undoReason = undoReason;
    }

    public String identifierLabel(String typeCode) {
        return identifierTypes == null ? typeCode : identifierTypes.label(typeCode);
    }

    public boolean isHasIdentifiers() {
        return patient != null && !patient.identifiers().isEmpty();
    }
}
