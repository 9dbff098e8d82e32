package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.PatientPage;
import org.asclepius.hms.shared.TimeFormat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * Vital signs as Observations (vital-signs profile) over {@link VitalSignService}, which checks the caller's role
 * and care relationship and audits the read. Search: {@code patient} (required), {@code category} (only
 * vital-signs is used here: another valid category finds nothing), {@code code} (LOINC; a blood pressure component
 * finds the panel; another code finds nothing), {@code date} (effective time; prefixes eq, ge, gt, le, lt),
 * newest first, offset paging.
 */
public class ObservationResourceProvider implements IResourceProvider {
    private final VitalSignService vitals;

    public ObservationResourceProvider(VitalSignService vitals) {
        this.vitals = vitals;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        return FhirHealthRecordMapper.toFhir(vitals.find(ScheduleResourceProvider.numericId("Observation", id)));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<VitalSign> kinds = null;
        if (category != null) {
            kinds = HealthRecordSearch.values(VitalSign.class, Observation.SP_CATEGORY, category,
                    ObservationResourceProvider::categoryKinds, "an observation category ("
                            + FhirHealthRecordMapper.OBSERVATION_CATEGORY + ": vital-signs, laboratory, …)");
        }
        if (code != null) {
            Set<VitalSign> coded = HealthRecordSearch.values(VitalSign.class, Observation.SP_CODE, code,
                    ObservationResourceProvider::codeKinds, "a code (LOINC: system|code or code)");
            if (kinds == null) {
                kinds = coded;
            } else {
                kinds.retainAll(coded);
            }
        }
        FhirDateRange period = FhirDateRange.parse(Observation.SP_DATE, date, TimeFormat.hospitalZone());
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if (kinds != null && kinds.isEmpty()) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        PatientPage<ObservationRecord> page = vitals.search(patientId, kinds,
                period.from(), period.to(), first, pageSize);
        return new OffsetPage(page.items().stream().map(o -> (IBaseResource) FhirHealthRecordMapper.toFhir(o))
                .toList(), page.total(), first, pageSize);
    }

    /** vital-signs: every vital sign; another category of observation-category: none; anything else: invalid. */
    static Set<VitalSign> categoryKinds(String system, String code) {
        if ((system != null && !FhirHealthRecordMapper.OBSERVATION_CATEGORY.equals(system))
                || !FhirHealthRecordMapper.OBSERVATION_CATEGORIES.contains(code)) {
            return null;
        }
        return FhirHealthRecordMapper.VITAL_SIGNS.equals(code) ? EnumSet.allOf(VitalSign.class)
                : EnumSet.noneOf(VitalSign.class);
    }

    /** A LOINC code (or a code without system): the vital signs it stands for; another system: none. */
    static Set<VitalSign> codeKinds(String system, String code) {
        if (system != null && !CodeSystems.LOINC.equals(system)) {
            return EnumSet.noneOf(VitalSign.class);
        }
        return FhirHealthRecordMapper.vitalSigns(code);
    }
}
