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
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.encounter.EncounterDirectory;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.encounter.EncounterRecord;
import org.asclepius.hms.encounter.EncounterStatus;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.TimeFormat;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;

/**
 * Encounter read and search over {@link EncounterDirectory} (which checks roles and audits each patient).
 * Search: {@code patient=Patient/<id>}, {@code status} (FHIR codes, comma = or), {@code class} (v3-ActCode, comma =
 * or), {@code date} (prefixes eq, ge, gt, le, lt; an encounter is found when its period overlaps). A search without
 * a patient needs a date period of at most {@link EncounterDirectory#MAX_PERIOD}. A valid code the hospital never
 * uses (status {@code arrived}, class {@code HH}) finds nothing; an unknown one is a 400.
 */
public class EncounterResourceProvider implements IResourceProvider {
    private final EncounterDirectory encounters;

    public EncounterResourceProvider(EncounterDirectory encounters) {
        this.encounters = encounters;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return FhirPatientFlowMapper.toFhir(encounters.get(ScheduleResourceProvider.numericId("Encounter", id)));
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = Encounter.SP_CLASS) TokenOrListParam encounterClass,
            @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
            @Offset Integer offset,
            @Count Integer count) {
        Long patientId = patient == null ? null : patientId(patient);
        Set<EncounterStatus> statuses = status == null ? null : statuses(status);
        Set<EncounterKind> kinds = encounterClass == null ? null : kinds(encounterClass);
        FhirDateRange period = FhirDateRange.parse(Encounter.SP_DATE, date, TimeFormat.hospitalZone());
        if (patientId == null && period.isOpen()) {
            throw new InvalidRequestException("Give the patient (patient=Patient/<id>) or a period (date=ge…&date=lt…,"
                    + " at most " + org.asclepius.hms.encounter.EncounterDirectory.MAX_PERIOD.toDays() + " days)");
        }
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if ((statuses != null && statuses.isEmpty()) || (kinds != null && kinds.isEmpty())) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        Page<EncounterRecord> page = encounters.search(patientId, statuses, kinds, period.from(), period.to(), first,
                pageSize);
        List<IBaseResource> resources = page.items().stream()
                .map(e -> (IBaseResource) FhirPatientFlowMapper.toFhir(e)).toList();
        return new OffsetPage(resources, page.total(), first, pageSize);
    }

    static long patientId(ReferenceParam reference) {
        String type = reference.getResourceType();
        String id = reference.getIdPart();
        if ((reference.getChain() != null && !reference.getChain().isBlank())
                || (type != null && !"Patient".equals(type)) || id == null || !id.matches("\\d{1,18}")) {
            throw new InvalidRequestException("Search parameter 'patient' must name a patient: patient=Patient/<id>");
        }
        return Long.parseLong(id);
    }

    static Set<EncounterStatus> statuses(TokenOrListParam tokens) {
        Set<EncounterStatus> found = EnumSet.noneOf(EncounterStatus.class);
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            noModifier(Encounter.SP_STATUS, token);
            Encounter.EncounterStatus fhir;
            try {
                fhir = Encounter.EncounterStatus.fromCode(token.getValue() == null ? null : token.getValue().trim());
            } catch (FHIRException unknown) {
                fhir = null;
            }
            if (fhir == null || fhir == Encounter.EncounterStatus.NULL) {
                throw new InvalidRequestException("Search parameter 'status' must be an Encounter status (planned,"
                        + " in-progress, onleave, finished, cancelled, …), not '" + token.getValue() + "'");
            }
            found.addAll(FhirPatientFlowMapper.statuses(fhir));
        }
        return found;
    }

    static Set<EncounterKind> kinds(TokenOrListParam tokens) {
        Set<EncounterKind> found = EnumSet.noneOf(EncounterKind.class);
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            noModifier(Encounter.SP_CLASS, token);
            String system = token.getSystem();
            String code = token.getValue() == null ? "" : token.getValue().trim();
            if ((system != null && !system.isBlank() && !FhirPatientFlowMapper.ACT_CODE.equals(system))
                    || !FhirPatientFlowMapper.ENCOUNTER_CLASSES.contains(code)) {
                throw new InvalidRequestException("Search parameter 'class' must be a code of "
                        + FhirPatientFlowMapper.ACT_CODE + " (IMP, AMB, EMER, SS, …), not '" + token.getValue() + "'");
            }
            found.addAll(FhirPatientFlowMapper.kinds(code));
        }
        return found;
    }

    static void noModifier(String parameter, TokenParam token) {
        if (token.getModifier() != null || token.getMissing() != null) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' does not support modifiers");
        }
    }
}
