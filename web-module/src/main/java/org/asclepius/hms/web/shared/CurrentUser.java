package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asclepius.hms.shared.Roles;
import org.asclepius.hms.shared.TimeFormat;

/**
 * Who is signed in and which parts of the screens they may use. Only for showing and hiding: the container
 * (web.xml constraints) and the services ({@code @RolesAllowed}) enforce access. Request-scoped: nothing of
 * the user is kept in the session beyond what the container itself keeps.
 */
@Named
@RequestScoped
public class CurrentUser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** May register and edit patients (mirrors PatientService.register/update). */
    static final String[] PATIENT_EDITORS = {Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN};
    /** May read the audit trail (mirrors AuditTrail.search). */
    static final String[] AUDITORS = {Roles.PRIVACY_OFFICER, Roles.ADMIN};
    /** May use the scheduling screens and book (mirrors AppointmentService.book, dayList, WaitlistService.add). */
    static final String[] SCHEDULERS = {Roles.RECEPTIONIST, Roles.NURSE, Roles.PHYSICIAN, Roles.ADMIN};
    /**
     * May check patients in, mark no-shows, answer waitlist offers, see the appointments needing rebooking and set
     * reminder preferences (mirrors AppointmentService.checkIn, needingRebooking, WaitlistService.accept).
     */
    static final String[] FRONT_DESK = {Roles.RECEPTIONIST, Roles.NURSE, Roles.ADMIN};
    /** May add and remove leave and blocked time (mirrors ScheduleService.addException). */
    static final String[] BLOCKERS = {Roles.RECEPTIONIST, Roles.ADMIN};
    /** May see and retry outgoing messages (mirrors OutboxService.list). */
    static final String[] OUTBOX_READERS = {Roles.RECEPTIONIST, Roles.ADMIN};
    /** May work the bed manager's list: reserve beds, admit from requests (mirrors AdmissionRequestService.fulfil). */
    static final String[] BED_MANAGERS = {Roles.NURSE, Roles.ADMIN};
    /** May open admission requests and pre-admissions (mirrors AdmissionRequestService.preAdmit, waiting). */
    static final String[] ADMISSION_REQUESTERS = {Roles.PHYSICIAN, Roles.NURSE, Roles.ADMIN, Roles.RECEPTIONIST};
    /** May read the census and patient flow reports (mirrors PatientFlowReports). */
    static final String[] REPORT_READERS = {Roles.ADMIN, Roles.NURSE, Roles.PHYSICIAN};
    /**
     * May open patient charts (mirrors ChartService.open; physicians and nurses of the care relationship, the others
     * and anyone outside it by break-the-glass).
     */
    static final String[] CHART_READERS = {Roles.PHYSICIAN, Roles.NURSE, Roles.PHARMACIST, Roles.LAB_TECHNICIAN};
    /** The session-timeout warning appears this long before the session ends. */
    public static final int WARNING_SECONDS = 120;

    private ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }

    public boolean isSignedIn() {
        return external().getRemoteUser() != null;
    }

    public String getName() {
        String user = external().getRemoteUser();
        return user == null ? "" : user;
    }

    public boolean hasRole(String role) {
        return external().isUserInRole(role);
    }

    private boolean hasAny(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The staff roles the user holds, as people read them ("Billing clerk"). */
    public List<String> getRoles() {
        List<String> held = new ArrayList<>();
        for (String role : Roles.STAFF) {
            if (hasRole(role)) {
                held.add(label(role));
            }
        }
        return held;
    }

    public String getRoleText() {
        return String.join(", ", getRoles());
    }

    static String label(String role) {
        String words = role.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    public boolean isCanFindPatients() {
        return hasAny(Roles.STAFF);
    }

    public boolean isCanEditPatients() {
        return hasAny(PATIENT_EDITORS);
    }

    public boolean isCanEditCoverage() {
        return hasAny(new String[] {Roles.RECEPTIONIST, Roles.BILLING_CLERK, Roles.ADMIN});
    }

    public boolean isCanConfigure() {
        return hasRole(Roles.ADMIN);
    }

    /** May merge and unmerge patient records (mirrors PatientMergeService). */
    public boolean isCanMerge() {
        return hasRole(Roles.RECORDS_OFFICER);
    }

    public boolean isCanAudit() {
        return hasAny(AUDITORS);
    }

    /** Front desk, calendars, waitlist. */
    public boolean isCanSchedule() {
        return hasAny(SCHEDULERS);
    }

    /** Check-in, no-show, waitlist answers, rebooking list, reminder preferences. */
    public boolean isCanRunFrontDesk() {
        return hasAny(FRONT_DESK);
    }

    /** Leave and blocked time of a resource. */
    public boolean isCanBlockTime() {
        return hasAny(BLOCKERS);
    }

    /** Outgoing messages (reminders). */
    public boolean isCanSeeMessages() {
        return hasAny(OUTBOX_READERS);
    }

    /** The bed manager's part of the admissions screen. */
    public boolean isCanManageBeds() {
        return hasAny(BED_MANAGERS);
    }

    /** The admissions screen (requests, pre-admissions). */
    public boolean isCanRequestAdmission() {
        return hasAny(ADMISSION_REQUESTERS);
    }

    /** Census and patient flow reports. */
    public boolean isCanSeeCensus() {
        return hasAny(REPORT_READERS);
    }

    /** The "Chart" link where a patient is shown. */
    public boolean isCanOpenCharts() {
        return hasAny(CHART_READERS);
    }

    /** The privacy officer's review of break-the-glass accesses (mirrors BreakGlassService.reviews). */
    public boolean isCanReviewBreakGlass() {
        return hasRole(Roles.PRIVACY_OFFICER);
    }

    public String getGreeting() {
        int hour = LocalTime.now(TimeFormat.hospitalZone()).getHour();
        return hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
    }

    /** Milliseconds of inactivity after which the session-timeout warning appears. */
    public long getIdleWarningMillis() {
        int sessionSeconds = external().getSessionMaxInactiveInterval();
        if (sessionSeconds <= 0) {
            sessionSeconds = 30 * 60;
        }
        return Math.max(30, sessionSeconds - WARNING_SECONDS) * 1000L;
    }

    public int getWarningSeconds() {
        return WARNING_SECONDS;
    }
}
