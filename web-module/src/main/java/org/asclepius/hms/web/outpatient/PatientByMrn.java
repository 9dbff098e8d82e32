package org.asclepius.hms.web.outpatient;

import jakarta.faces.context.FacesContext;
import java.util.Optional;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.web.shared.FieldMessages;

/**
 * The patient an MRN typed at a desk stands for (the surviving record when it was merged), or a message beside the
 * MRN field saying why there is none.
 */
final class PatientByMrn {
    private PatientByMrn() {
    }

    static Optional<PatientRecord> find(PatientService patients, String mrn, String formId, String fieldId) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (mrn == null || mrn.isBlank()) {
            FieldMessages.error(context, formId, fieldId, "enter the patient's MRN");
            return Optional.empty();
        }
        try {
            PatientRecord p = patients.getByMrn(mrn.trim());
            return Optional.of(p.isMerged() ? patients.get(p.mergedInto().id()) : p);
        } catch (InvalidInputException e) {
            FieldMessages.error(context, formId, fieldId, e.getFieldErrors().getOrDefault("mrn", "is not a valid MRN"));
        } catch (NotFoundException e) {
            FieldMessages.error(context, formId, fieldId, "no patient has this MRN");
        }
        return Optional.empty();
    }
}
