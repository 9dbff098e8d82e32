package org.asclepius.hms.web.patient;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.patient.PatientQuery;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.TimeFormat;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.PagedModel;
import org.primefaces.component.datatable.DataTable;

/**
 * /patient/find-patient.xhtml: searches patients by name (parts in any order, beginnings of names), date of
 * birth, MRN or identifier; results are paged by the service, 20 at a time, in the service's order.
 */
@Named
@ViewScoped
public class FindPatientView implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final int PAGE_SIZE = 20;
    static final String FORM = "findForm";
    static final String EMPTY_QUERY = "enter a name, date of birth, MRN, phone or identifier";

    @Inject
    PatientService patients;

    private String name;
    private LocalDate birthDate;
    private String mrn;
    private String identifierValue;
    private String phone;
    private PatientQuery query;
    private PagedModel<PatientSummary> results;

    public void search() {
        FacesContext context = FacesContext.getCurrentInstance();
        PatientQuery q = PatientQuery.byName(trim(name)).withBirthDate(birthDate).withMrn(trim(mrn))
                .withIdentifier(null, trim(identifierValue)).withPhone(trim(phone));
        if (q.isEmpty()) {
            FieldMessages.error(context, FORM, "searchName", EMPTY_QUERY);
            return;
        }
        if (q.mrn() != null && !MedicalRecordNumber.isValid(q.mrn())) {
            FieldMessages.error(context, FORM, "searchMrn", "is not a valid MRN (check the digits)");
            return;
        }
        try {
            Page<PatientSummary> first = patients.search(q, 0, PAGE_SIZE);
            query = q;
            results = new PagedModel<PatientSummary>(this::fetch, row -> Long.toString(row.id()), PAGE_SIZE)
                    .startingWith(first);
            UIComponent table = context.getViewRoot().findComponent(FORM + ":results");
            if (table instanceof DataTable dataTable) {
                dataTable.setFirst(0);
            }
        } catch (InvalidInputException e) {
            FieldMessages.PATIENT_SEARCH.show(context, FORM, e);
        }
    }

    private Page<PatientSummary> fetch(int first, int max) {
        return patients.search(query, first, max);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public LocalDate getLatestBirthDate() {
        return LocalDate.now(TimeFormat.hospitalZone());
    }

    public boolean isSearched() {
        return results != null;
    }

    public PagedModel<PatientSummary> getResults() {
        return results;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getMrn() {
        return mrn;
    }

    public void setMrn(String mrn) {
        this.mrn = mrn;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getIdentifierValue() {
        return identifierValue;
    }

    public void setIdentifierValue(String identifierValue) {
        this.identifierValue = identifierValue;
    }
}
