package org.asclepius.hms.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.asclepius.hms.clinical.coding.AllergenCategory;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.coding.AllergenService;
import org.asclepius.hms.clinical.coding.CodeSetStatus;
import org.asclepius.hms.clinical.coding.IcdCodeRecord;
import org.asclepius.hms.clinical.coding.IcdCodeService;
import org.asclepius.hms.clinical.coding.IcdLoadResult;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.web.shared.FieldMessages;
import org.asclepius.hms.web.shared.Pages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * /admin/code-sets.xhtml: the code sets the health record validates against — their versions and sizes, the load
 * of an official CMS ICD-10-CM file (codes or order file) with what it changed, and searches to try the ICD-10-CM
 * code search and the allergen list as clinicians will use them.
 */
@Named
@ViewScoped
public class CodeSetsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "codeSetsForm";
    static final int RESULTS = 20;
    static final FieldMessages LOAD_FORM = new FieldMessages.Builder()
            .field("file", "cmsFile", "CMS file")
            .build();

    @Inject
    IcdCodeService icd;
    @Inject
    AllergenService allergens;

    private List<CodeSetStatus> codeSets = List.of();
    private List<IcdLoadResult> loads = List.of();
    private IcdLoadResult lastLoad;
    private String query;
    private List<IcdCodeRecord> codes = List.of();
    private String allergenQuery;
    private AllergenCategory allergenCategory;
    private List<AllergenRecord> allergenResults = List.of();

    @PostConstruct
    void init() {
        refresh();
    }

    private void refresh() {
        codeSets = icd.codeSets();
        loads = icd.recentLoads(10);
    }

    /** A CMS file was uploaded: load it as the full ICD-10-CM code set. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try (InputStream in = file.getInputStream()) {
            lastLoad = icd.load(in, file.getFileName());
            Pages.message(FacesMessage.SEVERITY_INFO, "ICD-10-CM " + lastLoad.version() + " loaded: "
                    + lastLoad.added() + " added, " + lastLoad.updated() + " updated, " + lastLoad.reactivated()
                    + " reactivated, " + lastLoad.deactivated() + " deactivated.");
        } catch (InvalidInputException e) {
            lastLoad = null;
            LOAD_FORM.show(FacesContext.getCurrentInstance(), FORM, e);
        } catch (IOException e) {
            lastLoad = null;
            Pages.message(FacesMessage.SEVERITY_ERROR, "The file could not be received: " + e.getMessage());
        }
        refresh();
    }

    public void search() {
        codes = query == null || query.isBlank() ? List.of() : icd.search(query, RESULTS);
    }

    public void searchAllergens() {
        allergenResults = allergens.search(allergenQuery, allergenCategory, RESULTS);
    }

    public AllergenCategory[] getAllergenCategories() {
        return AllergenCategory.values();
    }

    public List<CodeSetStatus> getCodeSets() { return codeSets; }
    public List<IcdLoadResult> getLoads() { return loads; }
    public IcdLoadResult getLastLoad() { return lastLoad; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public List<IcdCodeRecord> getCodes() { return codes; }
    public String getAllergenQuery() { return allergenQuery; }
    public void setAllergenQuery(String allergenQuery) { this.allergenQuery = allergenQuery; }
    public AllergenCategory getAllergenCategory() { return allergenCategory; }
    public void setAllergenCategory(AllergenCategory allergenCategory) { this.allergenCategory = allergenCategory; }
    public List<AllergenRecord> getAllergenResults() { return allergenResults; }
}
