package org.asclepius.hms.web.inpatient;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import org.asclepius.hms.inpatient.BedKind;
import org.asclepius.hms.inpatient.BedStatus;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/** What the ward configuration and the bed board share: labels, field mappings and how a refusal is shown. */
public final class BedUi {
    /** The ward form of {@code admin/wards.xhtml}. */
    static final FieldMessages WARD_FORM = new FieldMessages.Builder()
            .field("code", "wardCode", "Code")
            .field("name", "wardName", "Name")
            .field("department", "wardDepartment", "Department")
            .field("sexRule", "wardSex", "Patients")
            .field("sexRuleValid", "wardSex", "Patients")
            .field("minAge", "wardMinAge", "Youngest age")
            .field("maxAge", "wardMaxAge", "Oldest age")
            .field("ageRangeValid", "wardMaxAge", "Oldest age")
            .field("open", "wardOpen", "Open")
            .build();
    /** The bed form of {@code admin/wards.xhtml}. */
    static final FieldMessages BED_FORM = new FieldMessages.Builder()
            .field("room", "bedRoom", "Room")
            .field("label", "bedLabel", "Bed")
            .field("kind", "bedKind", "Kind")
            .build();
    /** Blocking a bed (both screens). */
    static final FieldMessages BLOCK_FORM = new FieldMessages.Builder()
            .field("reason", "blockNote", "Reason")
            .build();

    private BedUi() {
    }

    /** "Needs cleaning". */
    public static String label(BedStatus status) {
        return status == null ? "" : sentence(status.name());
    }

    /** "Paediatric". */
    public static String label(BedKind kind) {
        return kind == null ? "" : sentence(kind.name());
    }

    static String sentence(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Runs a service call of a form: field errors beside the fields, other refusals as messages of the page.
     *
     * @return true when it went through
     */
    static boolean attempt(FieldMessages fields, String formId, Runnable action) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            action.run();
            return true;
        } catch (InvalidInputException e) {
            fields.show(context, formId, e);
        } catch (DomainException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            context.validationFailed();
        }
        return false;
    }
}
