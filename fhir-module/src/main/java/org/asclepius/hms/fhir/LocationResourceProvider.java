package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.asclepius.hms.inpatient.LocationDirectory;
import org.asclepius.hms.inpatient.LocationRecord;
import org.asclepius.hms.shared.NotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;

/**
 * Location read and search over {@link LocationDirectory}: wards, rooms and beds. Search (all optional, and):
 * {@code name} (starts with, any word, case-insensitive; {@code :contains}, {@code :exact}), {@code physical-type}
 * (wa, ro, bd — R5's parameter, R4 has none), {@code partof=Location/<id>} (the level just below),
 * {@code status} (active, inactive), {@code operational-status} (v2-0116 O, U, H, C).
 */
public class LocationResourceProvider implements IResourceProvider {
    public static final String SP_PHYSICAL_TYPE = "physical-type";
    private static final String LOCATION_STATUS = "http://hl7.org/fhir/location-status";

    private final LocationDirectory locations;

    public LocationResourceProvider(LocationDirectory locations) {
        this.locations = locations;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id) {
        if (id == null || !id.hasIdPart()) {
            throw new ResourceNotFoundException("Location was not found.");
        }
        try {
            return FhirPatientFlowMapper.toFhir(locations.get(id.getIdPart()));
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException("Location " + id.getIdPart() + " was not found.");
        }
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Location.SP_NAME) StringParam name,
            @OptionalParam(name = SP_PHYSICAL_TYPE) TokenParam physicalType,
            @OptionalParam(name = Location.SP_PARTOF) ReferenceParam partOf,
            @OptionalParam(name = Location.SP_STATUS) TokenParam status,
            @OptionalParam(name = Location.SP_OPERATIONAL_STATUS) TokenParam operationalStatus,
            @Offset Integer offset,
            @Count Integer count) {
        Predicate<LocationRecord> wanted = l -> true;
        if (name != null) {
            wanted = wanted.and(nameMatches(name));
        }
        if (physicalType != null) {
            LocationRecord.Level level = level(physicalType);
            wanted = wanted.and(l -> l.level() == level);
        }
        if (partOf != null) {
            String parent = parent(partOf);
            wanted = wanted.and(l -> parent.equals(l.partOf()));
        }
        if (status != null) {
            boolean active = active(status);
            wanted = wanted.and(l -> l.active() == active);
        }
        if (operationalStatus != null) {
            String code = operationalStatus(operationalStatus);
            wanted = wanted.and(l -> l.level() == LocationRecord.Level.BED
                    && code.equals(FhirPatientFlowMapper.operationalStatus(l.bedStatus(), l.active()).getCode()));
        }
        List<IBaseResource> found = locations.all().stream().filter(wanted)
                .map(l -> (IBaseResource) FhirPatientFlowMapper.toFhir(l)).toList();
        return OffsetPage.slice(found, offset, count);
    }

    private static Predicate<LocationRecord> nameMatches(StringParam name) {
        String value = name.getValue() == null ? "" : name.getValue().trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new InvalidRequestException("Search parameter 'name' needs a value");
        }
        if (name.isExact()) {
            return l -> l.name().equals(name.getValue().trim()) || name.getValue().trim().equals(l.wardCode())
                    && l.level() == LocationRecord.Level.WARD;
        }
        if (name.isContains()) {
            return l -> l.name().toLowerCase(Locale.ROOT).contains(value);
        }
        return l -> {
            String n = l.name().toLowerCase(Locale.ROOT);
            return n.startsWith(value) || n.contains(" " + value)
                    || l.level() == LocationRecord.Level.WARD && l.wardCode().toLowerCase(Locale.ROOT).startsWith(value);
        };
    }

    private static LocationRecord.Level level(TokenParam token) {
        EncounterResourceProvider.noModifier(SP_PHYSICAL_TYPE, token);
        String system = token.getSystem();
        LocationRecord.Level level = token.getValue() == null ? null
                : FhirPatientFlowMapper.level(token.getValue().trim());
        if ((system != null && !system.isBlank() && !FhirPatientFlowMapper.PHYSICAL_TYPE.equals(system))
                || level == null) {
            throw new InvalidRequestException("Search parameter 'physical-type' must be wa (ward), ro (room) or bd"
                    + " (bed)");
        }
        return level;
    }

    private static String parent(ReferenceParam reference) {
        String type = reference.getResourceType();
        String id = reference.getIdPart();
        if ((reference.getChain() != null && !reference.getChain().isBlank())
                || (type != null && !"Location".equals(type)) || id == null || id.isBlank()) {
            throw new InvalidRequestException("Search parameter 'partof' must name a location:"
                    + " partof=Location/ward-<id> or Location/room-<ward id>-<room>");
        }
        return id;
    }

    private static boolean active(TokenParam token) {
        EncounterResourceProvider.noModifier(Location.SP_STATUS, token);
        String system = token.getSystem();
        String code = token.getValue() == null ? "" : token.getValue().trim();
        if (system != null && !system.isBlank() && !LOCATION_STATUS.equals(system)) {
            code = "";
        }
        return switch (code) {
            case "active" -> true;
            case "inactive" -> false;
            default -> throw new InvalidRequestException("Search parameter 'status' must be active or inactive");
        };
    }

    private static String operationalStatus(TokenParam token) {
        EncounterResourceProvider.noModifier(Location.SP_OPERATIONAL_STATUS, token);
        String system = token.getSystem();
        String code = token.getValue() == null ? "" : token.getValue().trim();
        if ((system != null && !system.isBlank() && !FhirPatientFlowMapper.BED_STATUS_0116.equals(system))
                || !List.of("O", "U", "H", "C").contains(code)) {
            throw new InvalidRequestException("Search parameter 'operational-status' must be one of O (occupied),"
                    + " U (unoccupied), H (housekeeping), C (closed) of " + FhirPatientFlowMapper.BED_STATUS_0116);
        }
        return code;
    }
}
