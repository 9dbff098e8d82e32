package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asclepius.hms.clinical.allergies.Allergy;
import org.asclepius.hms.clinical.allergies.AllergyPage;
import org.asclepius.hms.clinical.allergies.AllergyRecord;
import org.asclepius.hms.clinical.allergies.AllergyService;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.coding.AllergenService;
import org.asclepius.hms.shared.Code;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.codesystems.AllergyintoleranceClinical;

/**
 * Allergies and intolerances as AllergyIntolerances over {@link AllergyService} (role, care relationship, audit),
 * entries in error included (verification entered-in-error), with the SNOMED CT code of the allergen from
 * {@link AllergenService} where the list knows one. "No known allergies", while it is the patient's current
 * assessment, is one more AllergyIntolerance (SNOMED CT 716186003, id {@code nka-<patient id>}), listed first — it
 * is newer than every entry, since recording an allergy ends it. Search: {@code patient} (required),
 * {@code clinical-status} (an entry in error has none; "no known allergies" is active), {@code category} (food,
 * medication, environment, biologic; "no known allergies" has none); comma = or; newest first, offset paging.
 */
public class AllergyIntoleranceResourceProvider implements IResourceProvider {
    private final AllergyService allergies;
    private final AllergenService allergens;

    public AllergyIntoleranceResourceProvider(AllergyService allergies, AllergenService allergens) {
        this.allergies = allergies;
        this.allergens = allergens;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return AllergyIntolerance.class;
    }

    @Read
    public AllergyIntolerance read(@IdParam IdType id) {
        Long nkaPatient = id == null ? null : FhirHealthRecordMapper.noKnownAllergiesPatient(id.getIdPart());
        if (nkaPatient != null) {
            AllergyPage page = allergies.search(nkaPatient, null, null, 0, 0);
            if (!page.noKnownAllergies()) {
                throw new ResourceNotFoundException("AllergyIntolerance " + id.getIdPart() + " was not found.");
            }
            return FhirHealthRecordMapper.noKnownAllergies(nkaPatient, page.assessedBy(), page.assessedAt());
        }
        AllergyRecord allergy = allergies.find(ScheduleResourceProvider.numericId("AllergyIntolerance", id));
        return FhirHealthRecordMapper.toFhir(allergy, snomed(allergy.allergen(), new HashMap<>()));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AllergyIntolerance.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = AllergyIntolerance.SP_CATEGORY) TokenOrListParam category,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<Allergy.Status> statuses = clinicalStatus == null ? null : HealthRecordSearch.values(Allergy.Status.class,
                AllergyIntolerance.SP_CLINICAL_STATUS, clinicalStatus, AllergyIntoleranceResourceProvider::statuses,
                "a clinical status (active, inactive, resolved)");
        Set<Allergy.Category> categories = category == null ? null : HealthRecordSearch.values(Allergy.Category.class,
                AllergyIntolerance.SP_CATEGORY, category, AllergyIntoleranceResourceProvider::categories,
                "an allergy category (food, medication, environment, biologic)");
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if ((statuses != null && statuses.isEmpty()) || (categories != null && categories.isEmpty())) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        // The statement "no known allergies" (when it holds and the search would find it) comes before the entries:
        // ask for the entries from one before the page, to fill the page whether it is there or not.
        int from = Math.max(0, first - 1);
        int max = pageSize == 0 ? 0 : pageSize + (first > 0 ? 1 : 0);
        AllergyPage page = allergies.search(patientId, statuses, categories, from, max);
        boolean nka = page.noKnownAllergies() && categories == null
                && (statuses == null || statuses.contains(Allergy.Status.ACTIVE));
        List<AllergyRecord> entries = page.items();
        List<IBaseResource> resources = new ArrayList<>();
        Map<String, Optional<Code>> snomed = new HashMap<>();
        if (nka && first == 0 && pageSize > 0) {
            resources.add(FhirHealthRecordMapper.noKnownAllergies(patientId, page.assessedBy(), page.assessedAt()));
        }
        // with the statement, entry i is result i + 1: the entries fetched from first - 1 start at result first
        int skip = !nka && first > 0 ? 1 : 0;
        for (AllergyRecord entry : entries.subList(Math.min(skip, entries.size()), entries.size())) {
            if (resources.size() >= pageSize) {
                break;
            }
            resources.add(FhirHealthRecordMapper.toFhir(entry, snomed(entry.allergen(), snomed)));
        }
        return new OffsetPage(resources, page.total() + (nka ? 1 : 0), first, pageSize);
    }

    /** The SNOMED CT code of the allergen where the list knows one (looked up once per allergen). */
    private Code snomed(Code allergen, Map<String, Optional<Code>> known) {
        return known.computeIfAbsent(allergen.system() + "|" + allergen.code(), k -> allergens.find(allergen.system(),
                allergen.code()).map(AllergenRecord::snomed)).orElse(null);
    }

    /** allergyintolerance-clinical (or no system): the statuses; another system: none; another code: invalid. */
    static Set<Allergy.Status> statuses(String system, String code) {
        if (system != null && !AllergyintoleranceClinical.ACTIVE.getSystem().equals(system)) {
            return EnumSet.noneOf(Allergy.Status.class);
        }
        return FhirHealthRecordMapper.allergyStatuses(code);
    }

    /** allergy-intolerance-category (or no system): the category; another system: none; another code: invalid. */
    static Set<Allergy.Category> categories(String system, String code) {
        if (system != null && !FhirHealthRecordMapper.ALLERGY_CATEGORY.equals(system)) {
            return EnumSet.noneOf(Allergy.Category.class);
        }
        return FhirHealthRecordMapper.allergyCategories(code);
    }
}
