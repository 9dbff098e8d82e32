package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Schedule;

/**
 * Schedule read and search over {@link ScheduleService}: one Schedule per bookable resource (provider, room,
 * equipment), with the same id. Search: every schedule, or narrowed by {@code actor} ({@code Practitioner/<id>},
 * {@code Location/<id>}, {@code Device/<id>} or the bare id) and {@code active} (true|false); paged by
 * {@code _offset}/{@code _count} like every search here.
 */
public class ScheduleResourceProvider implements IResourceProvider {
    private final ScheduleService schedules;

    public ScheduleResourceProvider(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
        return FhirSchedulingMapper.toFhir(schedules.resource(numericId("Schedule", id)), schedules.services());
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Schedule.SP_ACTOR) ReferenceParam actor,
            @OptionalParam(name = Schedule.SP_ACTIVE) TokenParam active,
            @Offset Integer offset,
            @Count Integer count) {
        Long actorId = null;
        ResourceKind kind = null;
        if (actor != null) {
            actorId = resourceId(Schedule.SP_ACTOR, actor);
            kind = FhirSchedulingMapper.kindOf(actor.getResourceType());
        }
        Boolean activeOnly = active == null ? null : bool(Schedule.SP_ACTIVE, active);
        Long wantedId = actorId;
        ResourceKind wantedKind = kind;
        List<ServiceTypeRecord> services = schedules.services();
        List<IBaseResource> found = schedules.resources().stream()
                .filter(r -> wantedId == null || r.id() == wantedId)
                .filter(r -> wantedKind == null || r.kind() == wantedKind)
                .filter(r -> activeOnly == null || r.active() == activeOnly)
                .map(r -> (IBaseResource) FhirSchedulingMapper.toFhir(r, services))
                .toList();
        return OffsetPage.slice(found, offset, count);
    }

    /** A resource id from a reference search parameter: {@code Practitioner/5}, {@code Location/5}, or {@code 5}. */
    static long resourceId(String parameter, ReferenceParam reference) {
        if (reference.getChain() != null && !reference.getChain().isBlank()) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' does not support chains");
        }
        String type = reference.getResourceType();
        String id = reference.getIdPart();
        if ((type != null && FhirSchedulingMapper.kindOf(type) == null) || id == null || !id.matches("\\d{1,18}")) {
            throw new InvalidRequestException("Search parameter '" + parameter + "' must name a practitioner, location"
                    + " or device: " + parameter + "=Practitioner/<id> (or Location/<id>, Device/<id>)");
        }
        return Long.parseLong(id);
    }

    static boolean bool(String parameter, TokenParam token) {
        String value = token.getValue() == null ? "" : token.getValue().trim();
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("Search parameter '" + parameter + "' must be true or false");
        };
    }

    /** The id of a resource the hospital numbers; anything else names nothing. */
    static long numericId(String type, IdType id) {
        if (id == null || !id.hasIdPart() || !id.isIdPartValidLong()) {
            throw new ResourceNotFoundException(type + " " + (id == null ? "" : id.getIdPart()) + " was not found.");
        }
        return id.getIdPartAsLong();
    }
}
