package org.asclepius.hms.web.outpatient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.outpatient.VisitRecord;
import org.asclepius.hms.outpatient.VisitService;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import static org.asclepius.hms.web.outpatient.VisitQueueSupport.withCurrent;

/**
 * /outpatient/check-in.xhtml?department=…: today's appointments of a department with check-in (the visit begins
 * and joins the department's queue), and a walk-in by MRN with the reason for the visit.
 */
@Named
@ViewScoped
public class CheckInView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "checkInForm";
    static final FieldMessages WALK_IN_FIELDS = new FieldMessages.Builder()
            .field("department", "checkInDepartment", "Department")
            .field("reason", "walkInReason", "Reason")
            .field("patientId", "walkInMrn", "MRN")
            .build();

    @Inject
    VisitService visits;
    @Inject
    AppointmentService appointments;
    @Inject
    PatientService patients;

    private String department;
    private List<String> departments = List.of();
    private List<AppointmentRecord> today = List.of();
    private String walkInMrn;
    private String walkInReason;

    /** viewAction. */
    public void load() {
        departments = withCurrent(visits.departments(), department);
        refresh();
    }

    public void refresh() {
        today = department == null ? List.of()
                : appointments.dayList(LocalDate.now(TimeFormat.hospitalZone()), department);
    }

    public boolean canCheckIn(AppointmentRecord a) {
        return a.status() == AppointmentStatus.BOOKED;
    }

    public void checkIn(AppointmentRecord a) {
        try {
            VisitRecord v = visits.checkIn(a.id());
            Pages.message(FacesMessage.SEVERITY_INFO, "Checked in: " + v.patientName() + " (MRN " + v.mrn()
                    + "), waiting in " + v.department() + ".");
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        refresh();
    }

    public void walkIn() {
        FacesContext context = FacesContext.getCurrentInstance();
        PatientRecord p = PatientByMrn.find(patients, walkInMrn, FORM, "walkInMrn").orElse(null);
        if (p == null) {
            return;
        }
        try {
            VisitRecord v = visits.walkIn(p.id(), department, walkInReason);
            Pages.message(FacesMessage.SEVERITY_INFO, "Walk-in checked in: " + v.patientName() + " (MRN " + v.mrn()
                    + "), waiting in " + v.department() + ".");
            walkInMrn = null;
            walkInReason = null;
        } catch (InvalidInputException e) {
            WALK_IN_FIELDS.show(context, FORM, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
    }

    public String getDepartment() { return department; }
    public void setDepartment(String d) { this.department = d == null || d.isBlank() ? null : d.trim(); }
    public List<String> getDepartments() { return departments; }
    public List<AppointmentRecord> getToday() { return today; }
    public String getWalkInMrn() { return walkInMrn; }
    public void setWalkInMrn(String v) { this.walkInMrn = v; }
    public String getWalkInReason() { return walkInReason; }
    public void setWalkInReason(String v) { this.walkInReason = v; }
}
