package org.asclepius.hms.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.patient.IdentifierTypeData;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /admin/identifier-types.xhtml: the identifier types patients can hold, their FHIR systems and rules; add a
 * type, change one, or retire it (no new identifiers of it; those held stay).
 */
@Named
@ViewScoped
public class IdentifierTypesView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "identifierTypesForm";

    @Inject
    IdentifierTypeService service;

    private List<IdentifierTypeRecord> types = List.of();
    private IdentifierTypeData data;
    private String editingCode;
    private long editingVersion;

    @PostConstruct
    void init() {
        types = service.catalog().all();
        startNew();
    }

    public void startNew() {
        editingCode = null;
        data = new IdentifierTypeData();
        data.setSortOrder(types.stream().mapToInt(IdentifierTypeRecord::sortOrder).max().orElse(0) + 10);
    }

    public void edit(IdentifierTypeRecord type) {
        editingCode = type.code();
        editingVersion = type.version();
        data = IdentifierTypeData.of(type);
    }

    public void save() {
        try {
            if (editingCode == null) {
                IdentifierTypeRecord added = service.add(data);
                Pages.message(FacesMessage.SEVERITY_INFO, "Identifier type " + added.label() + " added.");
            } else {
                IdentifierTypeRecord saved = service.update(editingCode, editingVersion, data);
                Pages.message(FacesMessage.SEVERITY_INFO, "Identifier type " + saved.label() + " saved.");
            }
            types = service.catalog().all();
            startNew();
        } catch (InvalidInputException e) {
            FieldMessages.IDENTIFIER_TYPE_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (ConcurrentUpdateException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            types = service.catalog().all();
        }
    }

    public List<IdentifierTypeRecord> getTypes() { return types; }
    public IdentifierTypeData getData() { return data; }
    public boolean isEditing() { return editingCode != null; }
}
