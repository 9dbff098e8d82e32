package org.asclepius.hms.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.InvalidInputException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;

/**
 * Maps the scheduling module to FHIR R4 {@link Schedule}, {@link Slot} and {@link Appointment}, and an incoming
 * Appointment to a {@link BookingRequest}. Pure: no I/O, no container (slots are looked up through a function).
 *
 * <ul>
 *   <li>Schedule id = the resource id; actor = {@code Practitioner/<id>} (provider), {@code Location/<id>} (room)
 *       or {@code Device/<id>} (equipment), the same id, display = the name; serviceType = the services it
 *       offers; comment = the department</li>
 *   <li>Slot id = the slot id; schedule = {@code Schedule/<resource id>}; status free, busy or
 *       busy-unavailable</li>
 *   <li>Appointment id = the appointment id, meta.versionId = its version; participants = the patient and the
 *       resources (actors as for Schedule); serviceType with system {@link #SERVICE_TYPE_SYSTEM}; the override
 *       reasons as the extensions {@link #OVERBOOK_REASON} and {@link #OVERLAP_REASON} (valueString)</li>
 * </ul>
 */
public final class FhirSchedulingMapper {
    /** The code system of the hospital's bookable services (code = the service code). */
    public static final String SERVICE_TYPE_SYSTEM = "urn:asclepius:service-type";
    /** Extension (valueString) with the reason to overbook a full slot the service's policy allows. */
    public static final String OVERBOOK_REASON = "urn:asclepius:fhir:overbook-reason";
    /** Extension (valueString) with the reason to book a patient who has another appointment then. */
    public static final String OVERLAP_REASON = "urn:asclepius:fhir:overlap-reason";

    /** The service input of a booking and where each of its fields came from. */
    public record Mapped(BookingRequest request, FhirFieldPaths paths) {
    }

    private FhirSchedulingMapper() {
    }

    // ---------------------------------------------------------------- to FHIR

    /** A resource's calendar; {@code services} may be every service: those the resource offers are listed. */
    public static Schedule toFhir(ResourceRecord r, List<ServiceTypeRecord> services) {
        Schedule s = new Schedule();
        String version = Long.toString(r.version());
        s.setId(new IdType("Schedule", Long.toString(r.id()), version));
        s.getMeta().setVersionId(version);
        s.setActive(r.active());
        s.addActor(actor(r.kind(), r.id(), r.name()));
        for (ServiceTypeRecord service : services) {
            if (service.active() && service.resourceIds().contains(r.id())) {
                s.addServiceType(serviceType(service.code(), service.name()));
            }
        }
        s.setComment(r.department());
        return s;
    }

    public static Slot toFhir(SlotRecord r) {
        Slot s = new Slot();
        s.setId(new IdType("Slot", Long.toString(r.id())));
        s.setSchedule(new Reference("Schedule/" + r.resourceId()).setDisplay(r.resourceName()));
        s.setStatus(slotStatus(r.availability()));
        s.setStart(Date.from(r.start()));
        s.setEnd(Date.from(r.end()));
        return s;
    }

    public static Appointment toFhir(AppointmentRecord r) {
        Appointment a = new Appointment();
        String version = Long.toString(r.version());
        a.setId(new IdType("Appointment", Long.toString(r.id()), version));
        a.getMeta().setVersionId(version);
        a.setStatus(status(r.status()));
        a.addServiceType(serviceType(r.serviceCode(), r.serviceName()));
        a.setStart(Date.from(r.start()));
        a.setEnd(Date.from(r.end()));
        a.setMinutesDuration((int) java.time.Duration.between(r.start(), r.end()).toMinutes());
        a.addParticipant()
                .setActor(new Reference("Patient/" + r.patient()).setDisplay(r.patientName()))
                .setRequired(Appointment.ParticipantRequired.REQUIRED)
                .setStatus(r.status() == AppointmentStatus.PROPOSED ? Appointment.ParticipationStatus.NEEDSACTION
                        : Appointment.ParticipationStatus.ACCEPTED);
        for (ResourceRef resource : r.resources()) {
            a.addParticipant()
                    .setActor(actor(resource.kind(), resource.id(), resource.name()))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(Appointment.ParticipationStatus.ACCEPTED);
        }
        if (r.status() == AppointmentStatus.CANCELLED && r.cancelReason() != null) {
            a.setCancelationReason(new CodeableConcept().setText(r.cancelReason()));
        }
        if (r.note() != null) {
            a.setComment(r.note());
        }
        if (r.overbookReason() != null) {
            a.addExtension(OVERBOOK_REASON, new StringType(r.overbookReason()));
        }
        if (r.overlapReason() != null) {
            a.addExtension(OVERLAP_REASON, new StringType(r.overlapReason()));
        }
        return a;
    }

    /** The reference to a resource: its type follows the kind, the id is the resource id. */
    public static Reference actor(ResourceKind kind, long id, String name) {
        return new Reference(actorType(kind) + "/" + id).setDisplay(name);
    }

    public static String actorType(ResourceKind kind) {
        return switch (kind) {
            case PROVIDER -> "Practitioner";
            case ROOM -> "Location";
            case EQUIPMENT -> "Device";
        };
    }

    /** The kind a reference type stands for; null for a type that names no schedulable resource. */
    public static ResourceKind kindOf(String referenceType) {
        if (referenceType == null) {
            return null;
        }
        return switch (referenceType) {
            case "Practitioner" -> ResourceKind.PROVIDER;
            case "Location" -> ResourceKind.ROOM;
            case "Device" -> ResourceKind.EQUIPMENT;
            default -> null;
        };
    }

    public static Appointment.AppointmentStatus status(AppointmentStatus status) {
        return switch (status) {
            case PROPOSED -> Appointment.AppointmentStatus.PROPOSED;
            case BOOKED -> Appointment.AppointmentStatus.BOOKED;
            case CHECKED_IN -> Appointment.AppointmentStatus.CHECKEDIN;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        };
    }

    /** The hospital's status for a FHIR status code; null for a code the hospital never uses. */
    public static AppointmentStatus status(Appointment.AppointmentStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case PROPOSED -> AppointmentStatus.PROPOSED;
            case BOOKED -> AppointmentStatus.BOOKED;
            case CHECKEDIN -> AppointmentStatus.CHECKED_IN;
            case CANCELLED -> AppointmentStatus.CANCELLED;
            case NOSHOW -> AppointmentStatus.NO_SHOW;
            default -> null;
        };
    }

    static Slot.SlotStatus slotStatus(String availability) {
        return switch (availability) {
            case "free" -> Slot.SlotStatus.FREE;
            case "busy" -> Slot.SlotStatus.BUSY;
            default -> Slot.SlotStatus.BUSYUNAVAILABLE;
        };
    }

    /** The FHIRPath of one of the override extensions, as error answers name it. */
    public static String extensionPath(String url) {
        return "Appointment.extension.where(url='" + url + "')";
    }

    /** The extension a client adds to give the reason an {@link OverrideRequiredException} asks for. */
    public static String overrideExtension(String field) {
        return OverrideRequiredException.OVERLAP.equals(field) ? OVERLAP_REASON : OVERBOOK_REASON;
    }

    /** The cancellation reason: cancelationReason's text, else its first coding's display or code. */
    public static String cancelReason(Appointment a) {
        if (!a.hasCancelationReason()) {
            return null;
        }
        CodeableConcept reason = a.getCancelationReason();
        if (notBlank(reason.getText())) {
            return reason.getText().trim();
        }
        for (Coding c : reason.getCoding()) {
            String text = notBlank(c.getDisplay()) ? c.getDisplay() : c.getCode();
            if (notBlank(text)) {
                return text.trim();
            }
        }
        return null;
    }

    private static CodeableConcept serviceType(String code, String name) {
        return new CodeableConcept().addCoding(new Coding(SERVICE_TYPE_SYSTEM, code, name));
    }

    // ---------------------------------------------------------------- from FHIR

    /**
     * Where the fields of the appointment services ({@link BookingRequest}, the cancel reason) are in an
     * Appointment: {@code resourceIds} in its slots when it has some, else in its participants.
     */
    public static FhirFieldPaths appointmentPaths(boolean slots) {
        FhirFieldPaths paths = FhirFieldPaths.forResource("Appointment");
        paths.field("start", "Appointment.start");
        paths.field("end", "Appointment.end");
        paths.field("note", "Appointment.comment");
        paths.field("reason", "Appointment.cancelationReason");
        paths.field("serviceCode", "Appointment.serviceType");
        paths.field("patientId", "Appointment.participant");
        paths.field("resourceIds", slots ? "Appointment.slot" : "Appointment.participant");
        paths.field(OverrideRequiredException.OVERBOOK, extensionPath(OVERBOOK_REASON));
        paths.field(OverrideRequiredException.OVERLAP, extensionPath(OVERLAP_REASON));
        return paths;
    }

    /**
     * The booking an Appointment asks for: the patient from the participant {@code Patient/<id>}, the service from
     * a serviceType coding with {@link #SERVICE_TYPE_SYSTEM} (or without a system), start and end, the resources
     * from {@code slot} references (each slot's resource; the first slot of each resource must start at the
     * appointment's start) and from participants {@code Practitioner|Location|Device/<id>}, comment as the note,
     * the override reasons from their extensions. Errors only the resource can have are thrown as an
     * {@link InvalidInputException} whose fields are FHIR expressions; the service's own field errors are
     * translated back by {@link Mapped#paths()}.
     *
     * @param slots the slot of an id, null when there is none
     */
    public static Mapped toBooking(Appointment a, LongFunction<SlotRecord> slots) {
        FhirFieldPaths paths = appointmentPaths(a.hasSlot());
        Map<String, String> errors = new LinkedHashMap<>();
        BookingRequest request = new BookingRequest();

        Instant start = a.hasStart() ? a.getStart().toInstant() : null;
        Instant end = a.hasEnd() ? a.getEnd().toInstant() : null;
        request.setStart(start);
        request.setEnd(end);

        // the service: a coding of the hospital's system, or a bare code
        List<CodeableConcept> serviceTypes = a.getServiceType();
        String serviceCode = null;
        String firstForeign = null;
        for (int i = 0; i < serviceTypes.size() && serviceCode == null; i++) {
            List<Coding> codings = serviceTypes.get(i).getCoding();
            for (int j = 0; j < codings.size(); j++) {
                Coding c = codings.get(j);
                String at = "Appointment.serviceType[" + i + "].coding[" + j + "]";
                if ((SERVICE_TYPE_SYSTEM.equals(c.getSystem()) || !c.hasSystem()) && notBlank(c.getCode())) {
                    serviceCode = c.getCode().trim();
                    paths.field("serviceCode", at + ".code");
                    break;
                }
                if (firstForeign == null) {
                    firstForeign = at + ".system";
                }
            }
        }
        if (serviceCode == null && firstForeign != null) {
            errors.put(firstForeign, "give the service as a coding with system " + SERVICE_TYPE_SYSTEM
                    + " and the service's code");
        }
        request.setServiceCode(serviceCode);

        // participants: one patient, and the resources
        Set<Long> resources = new LinkedHashSet<>();
        List<AppointmentParticipantComponent> participants = a.getParticipant();
        for (int i = 0; i < participants.size(); i++) {
            String at = "Appointment.participant[" + i + "].actor";
            Reference actor = participants.get(i).getActor();
            IdType ref = actor == null || !actor.hasReference() ? null : new IdType(actor.getReference());
            String type = ref == null ? null : ref.getResourceType();
            if (type == null) {
                errors.put(at, "name the participant by reference: Patient/<id>, Practitioner/<id>, Location/<id>"
                        + " or Device/<id>");
                continue;
            }
            Long id = ref.isIdPartValidLong() ? ref.getIdPartAsLong() : null;
            if (id == null) {
                errors.put(at, "'" + actor.getReference() + "' is not a reference to a " + type + " of this server");
                continue;
            }
            if ("Patient".equals(type)) {
                if (request.getPatientId() != null) {
                    errors.put(at, "an appointment is for one patient only");
                    continue;
                }
                request.setPatientId(id);
                paths.field("patientId", at);
            } else if (kindOf(type) != null) {
                resources.add(id);
            } else {
                errors.put(at, type + " cannot take part in an appointment here: use Patient, Practitioner,"
                        + " Location or Device");
            }
        }
        if (request.getPatientId() == null && !errors.keySet().stream().anyMatch(k -> k.startsWith(
                "Appointment.participant"))) {
            errors.put("Appointment.participant", "name the patient: a participant whose actor is Patient/<id>");
        }

        // slots: their resources; the first of each resource starts with the appointment
        List<Reference> slotRefs = a.getSlot();
        Map<Long, Instant> firstStart = new LinkedHashMap<>();
        Map<Long, String> firstAt = new LinkedHashMap<>();
        for (int i = 0; i < slotRefs.size(); i++) {
            String at = "Appointment.slot[" + i + "]";
            IdType ref = slotRefs.get(i).hasReference() ? new IdType(slotRefs.get(i).getReference()) : null;
            if (ref == null || !"Slot".equals(ref.getResourceType()) || !ref.isIdPartValidLong()) {
                errors.put(at, "must be a reference Slot/<id>");
                continue;
            }
            SlotRecord slot = slots.apply(ref.getIdPartAsLong());
            if (slot == null) {
                errors.put(at, "Slot " + ref.getIdPart() + " does not exist");
                continue;
            }
            resources.add(slot.resourceId());
            if (start != null && (slot.start().isBefore(start) || end != null && !slot.start().isBefore(end))) {
                errors.put(at, "Slot " + slot.id() + " (" + slot.start() + " to " + slot.end()
                        + ") is not within the appointment (" + start + (end == null ? "" : " to " + end) + ")");
                continue;
            }
            Instant earliest = firstStart.get(slot.resourceId());
            if (earliest == null || slot.start().isBefore(earliest)) {
                firstStart.put(slot.resourceId(), slot.start());
                firstAt.put(slot.resourceId(), at);
            }
        }
        if (start != null) {
            firstStart.forEach((resource, slotStart) -> {
                if (!slotStart.equals(start)) {
                    errors.putIfAbsent(firstAt.get(resource), "the slot starts at " + slotStart
                            + ", not at the appointment's start " + start + ": choose the slot that starts then,"
                            + " or make start the slot's start");
                }
            });
        }
        request.setResourceIds(new ArrayList<>(resources));

        request.setNote(a.hasComment() && notBlank(a.getComment()) ? a.getComment().trim() : null);
        request.setOverbookReason(reason(a, OVERBOOK_REASON, errors));
        request.setOverlapReason(reason(a, OVERLAP_REASON, errors));

        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Mapped(request, paths);
    }

    private static String reason(Appointment a, String url, Map<String, String> errors) {
        List<Extension> extensions = a.getExtensionsByUrl(url);
        if (extensions.isEmpty()) {
            return null;
        }
        Extension e = extensions.get(0);
        if (extensions.size() > 1 || !(e.getValue() instanceof StringType text)) {
            errors.put(extensionPath(url), "give one extension " + url + " with a valueString");
            return null;
        }
        return notBlank(text.getValue()) ? text.getValue().trim() : null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
