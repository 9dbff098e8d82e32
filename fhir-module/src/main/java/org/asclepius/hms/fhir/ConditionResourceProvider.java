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
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.asclepius.hms.clinical.problems.ClinicalStatus;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.problems.ConditionService;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.PatientPage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.codesystems.ConditionClinical;

/**
 * Problems and encounter diagnoses as Conditions over {@link ConditionService} (role, care relationship, audit),
 * entries in error included (verification entered-in-error). Search: {@code patient} (required), {@code category}
 * (problem-list-item, encounter-diagnosis), {@code clinical-status} (condition-clinical; an entry in error has none),
 * {@code code} (ICD-10-CM or SNOMED CT, {@code system|code} or a bare code; an ICD-10-CM code also finds the SNOMED CT
 * conditions mapped to it; another system finds nothing), {@code encounter}; comma = or; newest first, offset paging.
 */
public class ConditionResourceProvider implements IResourceProvider {
    private final ConditionService conditions;

    public ConditionResourceProvider(ConditionService conditions) {
        this.conditions = conditions;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        return FhirHealthRecordMapper.toFhir(conditions.find(ScheduleResourceProvider.numericId("Condition", id)));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Condition.SP_ENCOUNTER) ReferenceParam encounter,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<ConditionCategory> categories = category == null ? null : HealthRecordSearch.values(
                ConditionCategory.class, Condition.SP_CATEGORY, category, ConditionResourceProvider::categories,
                "a condition category (" + FhirHealthRecordMapper.CONDITION_CATEGORY + ": problem-list-item or"
                        + " encounter-diagnosis)");
        Set<ClinicalStatus> statuses = clinicalStatus == null ? null : HealthRecordSearch.values(ClinicalStatus.class,
                Condition.SP_CLINICAL_STATUS, clinicalStatus, ConditionResourceProvider::statuses,
                "a clinical status (active, recurrence, relapse, inactive, remission, resolved)");
        Codes codes = code == null ? null : codes(code);
        Long encounterId = encounter == null ? null : HealthRecordSearch.encounterId(Condition.SP_ENCOUNTER,
                encounter);
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if ((categories != null && categories.isEmpty()) || (statuses != null && statuses.isEmpty())
                || (codes != null && codes.none())) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        PatientPage<ConditionRecord> page = conditions.search(patientId, categories, statuses,
                codes == null ? null : codes.icd10(), codes == null ? null : codes.snomed(), encounterId, first,
                pageSize);
        return new OffsetPage(page.items().stream().map(c -> (IBaseResource) FhirHealthRecordMapper.toFhir(c))
                .toList(), page.total(), first, pageSize);
    }

    /** condition-category (or no system): problem or diagnosis; another system: none; another code: invalid. */
    static Set<ConditionCategory> categories(String system, String code) {
        if (system != null && !FhirHealthRecordMapper.CONDITION_CATEGORY.equals(system)) {
            return EnumSet.noneOf(ConditionCategory.class);
        }
        return FhirHealthRecordMapper.conditionCategories(code);
    }

    /** condition-clinical (or no system): the statuses; another system: none; another code: invalid. */
    static Set<ClinicalStatus> statuses(String system, String code) {
        if (system != null && !ConditionClinical.ACTIVE.getSystem().equals(system)) {
            return EnumSet.noneOf(ClinicalStatus.class);
        }
        return FhirHealthRecordMapper.clinicalStatuses(code);
    }

    /** The codes of a {@code code} search: ICD-10-CM and SNOMED CT ones (a bare code may be either). */
    record Codes(Set<String> icd10, Set<String> snomed) {
        boolean none() {
            return icd10.isEmpty() && snomed.isEmpty();
        }
    }

    static Codes codes(TokenOrListParam tokens) {
        Set<String> icd10 = new LinkedHashSet<>();
        Set<String> snomed = new LinkedHashSet<>();
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            EncounterResourceProvider.noModifier(Condition.SP_CODE, token);
            String system = token.getSystem() == null || token.getSystem().isBlank() ? null : token.getSystem().trim();
            String value = token.getValue() == null ? "" : token.getValue().trim();
            if (value.isEmpty()) {
                throw new InvalidRequestException("Search parameter 'code' must be a code (ICD-10-CM or SNOMED CT:"
                        + " system|code or code)");
            }
            if (system == null || CodeSystems.ICD10CM.equals(system)) {
                icd10.add(value.toUpperCase(Locale.ROOT)); // ICD-10-CM codes are upper case
            }
            if (system == null || CodeSystems.SNOMED.equals(system)) {
                snomed.add(value);
            }
        }
        return new Codes(icd10, snomed);
    }
}
