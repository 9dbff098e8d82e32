package org.asclepius.hms.web.outpatient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.UnidentifiedPatientData;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /emergency/arrivals.xhtml: a patient arrives at the emergency department — a known one found by MRN, or one who
 * cannot be identified, registered on the spot (sex as seen, estimated age) — and joins the ED queue, ordered by
 * acuity (ESI 1 first) and then arrival; nurses triage from the queue.
 */
@Named
@ViewScoped
public class EmergencyArrivalsView extends VisitQueueSupport {
    private static final long serialVersionUID = 1L;
    static final String ARRIVAL_FORM = "arrivalForm";
    static final FieldMessages ARRIVAL_FIELDS = new FieldMessages.Builder()
            .field("complaint", "arrivalComplaint", "Complaint")
            .field("sex", "arrivalSex", "Sex")
            .field("estimatedAge", "arrivalAge", "Estimated age")
            .field("patientId", "arrivalMrn", "MRN")
            .build();

    @Inject
    PatientService patients;

    private String department;
    private boolean unknown;
    private String mrn;
    private String complaint;
    private UnidentifiedPatientData unidentified = new UnidentifiedPatientData();

    /** viewAction. */
    public void load() {
        department = visits.emergencyDepartment();
        reload();
    }

    public void arrive() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            VisitRecord v;
            if (unknown) {
                v = visits.emergencyArrivalUnidentified(unidentified, complaint);
            } else {
                PatientRecord p = PatientByMrn.find(patients, mrn, ARRIVAL_FORM, "arrivalMrn").orElse(null);
                if (p == null) {
                    return;
                }
                v = visits.emergencyArrival(p.id(), complaint);
            }
            Pages.message(FacesMessage.SEVERITY_INFO, "Arrived: " + v.patientName() + " (MRN " + v.mrn()
                    + "), waiting for triage.");
            mrn = null;
            complaint = null;
            unidentified = new UnidentifiedPatientData();
            reload();
        } catch (InvalidInputException e) {
            ARRIVAL_FIELDS.show(context, ARRIVAL_FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    @Override
    public String getDepartment() {
        return department;
    }

    public Sex[] getSexes() { return Sex.values(); }
    public boolean isUnknown() { return unknown; }
    public void setUnknown(boolean v) { this.unknown = v; }
    public String getMrn() { return mrn; }
    public void setMrn(String v) { this.mrn = v; }
    public String getComplaint() { return complaint; }
    public void setComplaint(String v) { this.complaint = v; }
    public UnidentifiedPatientData getUnidentified() { return unidentified; }
}
