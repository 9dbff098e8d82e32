package org.asclepius.hms.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asclepius.hms.encounter.AdtTrigger;
import org.asclepius.hms.integration.hl7.Hl7EndpointData;
import org.asclepius.hms.integration.hl7.Hl7EndpointRecord;
import org.asclepius.hms.integration.hl7.Hl7EndpointService;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;

/**
 * /admin/interfaces.xhtml: the systems that receive the HL7 v2 ADT feed over MLLP; add one, change it, or
 * deactivate it (it then gets no new messages).
 */
@Named
@ViewScoped
public class InterfacesView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "interfacesForm";
    static final FieldMessages ENDPOINT_FORM = new FieldMessages.Builder()
            .field("name", "endpointName", "Name")
            .field("host", "endpointHost", "Host")
            .field("port", "endpointPort", "Port")
            .field("triggers", "endpointTriggers", "Events")
            .field("description", "endpointDescription", "Description")
            .build();

    @Inject
    Hl7EndpointService service;

    private List<Hl7EndpointRecord> endpoints = List.of();
    private Hl7EndpointData data;
    private Long editingId;
    private long editingVersion;

    @PostConstruct
    void init() {
        endpoints = service.list();
        startNew();
    }

    public void startNew() {
        editingId = null;
        data = new Hl7EndpointData();
    }

    public void edit(Hl7EndpointRecord endpoint) {
        editingId = endpoint.id();
        editingVersion = endpoint.version();
        data = Hl7EndpointData.of(endpoint);
    }

    public void save() {
        try {
            Hl7EndpointRecord saved = editingId == null ? service.add(data)
                    : service.update(editingId, editingVersion, data);
            Pages.message(FacesMessage.SEVERITY_INFO, "Endpoint " + saved.name() + " saved.");
            endpoints = service.list();
            startNew();
        } catch (InvalidInputException e) {
            ENDPOINT_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (ConcurrentUpdateException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
            endpoints = service.list();
        }
    }

    public void deactivate(Hl7EndpointRecord endpoint) {
        try {
            service.deactivate(endpoint.id(), endpoint.version());
            Pages.message(FacesMessage.SEVERITY_INFO, "Endpoint " + endpoint.name() + " deactivated.");
        } catch (ConcurrentUpdateException e) {
            Pages.message(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        endpoints = service.list();
        if (editingId != null && editingId == endpoint.id()) {
            startNew();
        }
    }

    /** The events chosen, as an array: the menu converts to the enum by the array's element type. */
    public AdtTrigger[] getSelectedTriggers() {
        return data.getTriggers().toArray(AdtTrigger[]::new);
    }

    public void setSelectedTriggers(AdtTrigger[] selected) {
        data.setTriggers(selected == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList(selected)));
    }

    public AdtTrigger[] getTriggerChoices() {
        return AdtTrigger.values();
    }

    public List<Hl7EndpointRecord> getEndpoints() { return endpoints; }
    public Hl7EndpointData getData() { return data; }
    public boolean isEditing() { return editingId != null; }
}
