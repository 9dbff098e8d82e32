package org.asclepius.hms.web.scheduling;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.asclepius.hms.web.shared.UiFormat;

/**
 * The actions on one appointment that the front desk and the calendar both offer: check in, no-show, cancel with
 * a reason. Each says what happened in words, and shows a refusal where the clerk is looking: beside a field,
 * under a key of a dialog ({@code p:messages for="key" forType="key"}), or for the page.
 */
final class AppointmentActions {
    private AppointmentActions() {
    }

    /** "Smith, Ann (MRN 1000001), Consultation, Tue 3 Jun 2025 09:30". */
    static String describe(AppointmentRecord a) {
        return a.patientName() + " (MRN " + a.mrn() + "), " + a.serviceName() + ", " + UiFormat.formatWhen(a.start());
    }

    /** A refusal shown under the key (a dialog's messages) or, without a key, for the page. */
    static void problem(String key, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(key, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        context.validationFailed();
    }

    static boolean checkIn(AppointmentService appointments, AppointmentRecord a, String problemKey) {
        try {
            appointments.checkIn(a.id(), a.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Checked in: " + describe(a) + ".");
            return true;
        } catch (DomainException e) {
            problem(problemKey, e.getMessage());
            return false;
        }
    }

    static boolean markNoShow(AppointmentService appointments, AppointmentRecord a, String problemKey) {
        try {
            appointments.markNoShow(a.id(), a.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Marked as a no-show: " + describe(a) + ".");
            return true;
        } catch (DomainException e) {
            problem(problemKey, e.getMessage());
            return false;
        }
    }

    /** Cancels (this one, or this and the following of its series); the reason's errors go beside cancelReason. */
    static boolean cancel(AppointmentService appointments, AppointmentRecord a, String reason, SeriesScope scope,
            String form, String problemKey) {
        try {
            List<AppointmentRecord> done = appointments.cancel(a.id(), a.version(), reason,
                    scope == null ? SeriesScope.THIS : scope);
            Pages.message(FacesMessage.SEVERITY_INFO, done.size() <= 1 ? "Cancelled: " + describe(a) + "."
                    : "Cancelled " + done.size() + " appointments of the series, the first " + describe(done.get(0))
                    + ".");
            return true;
        } catch (InvalidInputException e) {
            FieldMessages.CANCEL_FORM.show(FacesContext.getCurrentInstance(), form, e);
            return false;
        } catch (DomainException e) {
            problem(problemKey, e.getMessage());
            return false;
        }
    }
}
