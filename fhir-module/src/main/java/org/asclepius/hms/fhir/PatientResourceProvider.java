package org.asclepius.hms.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.asclepius.hms.patient.DuplicateCandidate;
import org.asclepius.hms.patient.IdentifierType;
import org.asclepius.hms.patient.IdentifierTypeRecord;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.IdentifierTypes;
import org.asclepius.hms.patient.matching.MatchGrade;
import org.asclepius.hms.patient.PatientQuery;
import org.asclepius.hms.patient.Sex;
import org.asclepius.hms.patient.PatientRecord;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.PatientSummary;
import org.asclepius.hms.shared.Page;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient read, create, update and search over {@link PatientService}. Only translation happens here: the
 * service validates, checks roles and audits; failures become FHIR answers in {@link FhirExceptionInterceptor}.
 *
 * <p>Update is version-aware: the client says which version it edited, with {@code If-Match: W/"<versionId>"}
 * (what the read returned as ETag) or, when the header is missing, with {@code meta.versionId}. Without either,
 * 412 Precondition Failed (FHIR R4's answer when a server requires If-Match); a stale version gives 409.
 *
 * <p>Search pages by offset ({@code _offset}, {@code _count}: default 20, at most 100), without state on the
 * server, so any cluster node answers any page; each page is one call of {@link PatientService#search}.
 */
public class PatientResourceProvider implements IResourceProvider {
    public static final int DEFAULT_COUNT = 20;
    /** The extension on a $match entry's search element that carries the grade. */
    public static final String MATCH_GRADE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/match-grade";
    public static final int MAX_COUNT = PatientService.MAX_PAGE;

    private final PatientService patients;
    private final IdentifierTypeService identifierTypes;

    public PatientResourceProvider(PatientService patients, IdentifierTypeService identifierTypes) {
        this.patients = patients;
        this.identifierTypes = identifierTypes;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /**
     * The MPI operation {@code Patient/$match}: the registered patients who may be the person in
     * {@code resource}, best first, each with {@code search.mode = match}, {@code search.score} (0..1) and the
     * {@code match-grade} extension (certain, probable, possible). The candidates are audited as seen.
     */
    @Operation(name = "$match", type = Patient.class, idempotent = false)
    public Bundle match(@OperationParam(name = "resource", min = 1, max = 1) Patient resource,
                        @OperationParam(name = "onlyCertainMatches", max = 1) BooleanType onlyCertainMatches,
                        @OperationParam(name = "count", max = 1) IntegerType count, RequestDetails request) {
        if (resource == null) {
            throw new InvalidRequestException("$match needs the parameter 'resource' with the Patient to match");
        }
        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(resource, FhirPatientMapper.Purpose.UPDATE,
                identifierTypes.catalog());
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, mapped.paths());
        boolean onlyCertain = onlyCertainMatches != null && Boolean.TRUE.equals(onlyCertainMatches.getValue());
        int limit = count == null || count.getValue() == null ? PatientService.MAX_DUPLICATE_CANDIDATES
                : Math.max(1, Math.min(count.getValue(), PatientService.MAX_DUPLICATE_CANDIDATES));
        List<DuplicateCandidate> candidates = patients.findDuplicates(mapped.data(), null).stream()
                .filter(c -> !onlyCertain || c.grade() == MatchGrade.CERTAIN)
                .limit(limit)
                .toList();
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(candidates.size());
        String base = request.getFhirServerBase();
        for (DuplicateCandidate c : candidates) {
            Patient p = FhirPatientMapper.toFhir(c.patient());
            Bundle.BundleEntryComponent entry = bundle.addEntry()
                    .setFullUrl(base + "/Patient/" + c.patient().id())
                    .setResource(p);
            entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH)
                    .setScore(Math.round(c.normalizedScore() * 1000) / 1000.0)
                    .addExtension(MATCH_GRADE_EXTENSION, new CodeType(c.grade().fhirCode()));
        }
        return bundle;
    }

    @Read
    public Patient read(@IdParam IdType id) {
        return FhirPatientMapper.toFhir(patients.get(patientId(id)), identifierTypes.catalog());
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient, RequestDetails request) {
        IdentifierTypes types = identifierTypes.catalog();
        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(patient, FhirPatientMapper.Purpose.CREATE, types);
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, mapped.paths());
        PatientRecord saved = patients.register(mapped.data());
        Patient created = FhirPatientMapper.toFhir(saved, types);
        MethodOutcome outcome = new MethodOutcome(created.getIdElement(), true);
        outcome.setResource(created);
        return outcome;
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient, RequestDetails request) {
        long patientId = patientId(id);
        long version = expectedVersion(id, patient);
        IdentifierTypes types = identifierTypes.catalog();
        FhirPatientMapper.Mapped mapped = FhirPatientMapper.toData(patient, FhirPatientMapper.Purpose.UPDATE, types);
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS, mapped.paths());
        PatientRecord saved = patients.update(patientId, version, mapped.data());
        Patient updated = FhirPatientMapper.toFhir(saved, types);
        MethodOutcome outcome = new MethodOutcome(updated.getIdElement(), false);
        outcome.setResource(updated);
        return outcome;
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Patient.SP_NAME) StringParam name,
            @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
            @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
            @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthdate,
            @OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
            @OptionalParam(name = Patient.SP_GENDER) TokenParam gender,
            @OptionalParam(name = Patient.SP_PHONE) StringParam phone,
            @OptionalParam(name = Patient.SP_ADDRESS_POSTALCODE) StringParam postalCode,
            @Offset Integer offset,
            @Count Integer count) {
        String mrn = null;
        String identifierType = null;
        String identifierValue = null;
        if (identifier != null) {
            checkNoModifier(Patient.SP_IDENTIFIER, identifier.getModifier() != null || identifier.getMissing() != null);
            IdentifierTypes types = identifierTypes.catalog();
            String system = identifier.getSystem();
            if (system == null || system.isBlank()) {
                throw new InvalidRequestException("Search parameter 'identifier' needs a system: identifier="
                        + "<system>|<value> with system " + IdentifierType.MRN_SYSTEM + " (MRN) or one of "
                        + types.activeSystems());
            }
            if (identifier.getValue() == null || identifier.getValue().isBlank()) {
                throw new InvalidRequestException("Search parameter 'identifier' needs a value after the '|'");
            }
            if (IdentifierType.MRN_SYSTEM.equals(system)) {
                mrn = identifier.getValue().trim();
            } else {
                identifierType = types.bySystem(system).map(IdentifierTypeRecord::code).orElseThrow(() ->
                        new InvalidRequestException("Search parameter 'identifier': unknown system '" + system
                                + "'; known systems: " + IdentifierType.MRN_SYSTEM + ", " + types.activeSystems()));
                identifierValue = identifier.getValue().trim();
            }
        }
        PatientQuery query = PatientQuery.EMPTY.withName(text(Patient.SP_NAME, name))
                .withFamilyName(text(Patient.SP_FAMILY, family))
                .withGivenName(text(Patient.SP_GIVEN, given))
                .withBirthDate(day(birthdate))
                .withMrn(mrn)
                .withIdentifier(identifierType, identifierValue)
                .withSex(sex(gender))
                .withPhone(text(Patient.SP_PHONE, phone))
                .withPostalCode(text(Patient.SP_ADDRESS_POSTALCODE, postalCode));
        if (query.isEmpty()) {
            throw new InvalidRequestException("Give at least one search parameter: name, family, given, birthdate,"
                    + " identifier, phone or address-postalcode (a search for every patient is not offered;"
                    + " gender only narrows a search)");
        }
        int first = offset == null ? 0 : offset;
        if (first < 0) {
            throw new InvalidRequestException("_offset must not be negative");
        }
        int pageSize = count == null ? DEFAULT_COUNT : Math.min(count, MAX_COUNT);
        if (pageSize < 0) {
            throw new InvalidRequestException("_count must not be negative");
        }
        // _count=0 asks for the total only: HAPI then writes Bundle.total alone
        Page<PatientSummary> page = patients.search(query, first, Math.max(pageSize, 1));
        List<IBaseResource> resources = pageSize == 0 ? List.of()
                : page.items().stream().map(s -> (IBaseResource) FhirPatientMapper.toFhir(s)).toList();
        return new OffsetPage(resources, page.total(), first, pageSize);
    }

    private static String text(String parameter, StringParam param) {
        if (param == null) {
            return null;
        }
        checkNoModifier(parameter, param.isExact() || param.isContains() || param.getMissing() != null
                || param.isText());
        String value = param.getValue();
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Sex sex(TokenParam param) {
        if (param == null) {
            return null;
        }
        checkNoModifier(Patient.SP_GENDER, param.getModifier() != null || param.getMissing() != null);
        String code = param.getValue() == null ? "" : param.getValue().trim();
        return switch (code) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.OTHER;
            case "unknown" -> Sex.UNKNOWN;
            default -> throw new InvalidRequestException("Search parameter 'gender' must be one of female, male,"
                    + " other, unknown");
        };
    }

    private static LocalDate day(DateParam param) {
        if (param == null) {
            return null;
        }
        checkNoModifier(Patient.SP_BIRTHDATE, param.getMissing() != null);
        if (param.getPrefix() != null && param.getPrefix() != ParamPrefixEnum.EQUAL) {
            throw new InvalidRequestException("Search parameter 'birthdate' supports only a day without a prefix"
                    + " (birthdate=YYYY-MM-DD or eqYYYY-MM-DD), not '" + param.getPrefix().getValue() + "'");
        }
        if (param.getValue() == null || param.getPrecision() != TemporalPrecisionEnum.DAY) {
            throw new InvalidRequestException("Search parameter 'birthdate' must be a full day: YYYY-MM-DD");
        }
        return LocalDate.parse(param.getValueAsString().substring(0, 10));
    }

    private static void checkNoModifier(String parameter, boolean modified) {
        if (modified) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' does not support modifiers"
                    + " here: name, family and given match the start of a name part, identifier and birthdate"
                    + " match exactly");
        }
    }

    /** A patient id is a number; anything else names no patient. */
    static long patientId(IdType id) {
        if (id == null || !id.hasIdPart() || !id.isIdPartValidLong()) {
            throw new ResourceNotFoundException("Patient " + (id == null ? "" : id.getIdPart()) + " was not found.");
        }
        return id.getIdPartAsLong();
    }

    /** The version the client edited: If-Match (HAPI puts it on the id), else meta.versionId. */
    static long expectedVersion(IdType id, org.hl7.fhir.r4.model.Resource resource) {
        String version = id != null && id.hasVersionIdPart() ? id.getVersionIdPart() : null;
        if (version == null && resource.hasMeta() && resource.getMeta().hasVersionId()) {
            version = resource.getMeta().getVersionId();
        }
        if (version == null || version.isBlank()) {
            throw new PreconditionFailedException("An update must say which version it changes: send"
                    + " If-Match: W/\"<versionId>\" with the version (ETag) your read returned");
        }
        try {
            return Long.parseLong(version.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("The version to update must be a number, as the ETag of a read"
                    + " (W/\"3\"), not '" + version + "'");
        }
    }
}
