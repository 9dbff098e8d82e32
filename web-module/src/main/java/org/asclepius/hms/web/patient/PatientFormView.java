package org.asclepius.hms.web.patient;

import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.patient.IdentifierEntry;
import jakarta.inject.Inject;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.IdentifierTypes;
import org.asclepius.hms.patient.PatientData;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;

/**
 * What the register and edit screens share: the form data (the service's own {@link PatientData}, validated
 * by the service) and the small editable list of identifiers. The fields are in one Facelets include,
 * {@code /WEB-INF/includes/patient-form-fields.xhtml}, used by both pages.
 */
public abstract class PatientFormView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** As many identifier rows as PatientData accepts. */
    public static final int MAX_IDENTIFIERS = 10;

    protected PatientData data;
    @Inject
    IdentifierTypeService identifierTypeService;
    private transient IdentifierTypes identifierTypes;

    /** The id of the page's h:form. */
    protected abstract String formId();

    public PatientData getData() {
        return data;
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    /** The types in use, and any retired type an identifier on the form still has, so that it can be shown. */
    public List<IdentifierTypeRecord> getIdentifierTypes() {
        if (identifierTypes == null) {
            identifierTypes = identifierTypeService.catalog();
        }
        return identifierTypes.all().stream().filter(t -> t.active() || data.getIdentifiers().stream()
                .anyMatch(e -> t.code().equals(e.getType()))).toList();
    }

    public LocalDate getLatestBirthDate() {
        return LocalDate.now(TimeFormat.hospitalZone());
    }

    public int getMaxIdentifiers() {
        return MAX_IDENTIFIERS;
    }

    public boolean isCanAddIdentifier() {
        return data != null && data.getIdentifiers().size() < MAX_IDENTIFIERS;
    }

    public void addIdentifier() {
        if (isCanAddIdentifier()) {
            data.getIdentifiers().add(new IdentifierEntry());
        }
    }

    public void removeIdentifier(int index) {
        List<IdentifierEntry> rows = data.getIdentifiers();
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
        showAtLeastOneRow();
    }

    /** An empty form shows one identifier row to fill in. */
    protected void showAtLeastOneRow() {
        if (data.getIdentifiers().isEmpty()) {
            data.getIdentifiers().add(new IdentifierEntry());
        }
    }

    /**
     * Drops the rows the user left completely empty before the data goes to the service, so that the row
     * numbers of the service's field errors are those of the rows the form then shows.
     */
    protected void dropEmptyIdentifierRows() {
        data.getIdentifiers().removeIf(e -> e.getType() == null && (e.getValue() == null || e.getValue().isBlank()));
    }

    /** Shows the service's field errors beside the fields. */
    protected void showInvalid(InvalidInputException e) {
        FieldMessages.PATIENT_FORM.show(FacesContext.getCurrentInstance(), formId(), e);
    }
}
