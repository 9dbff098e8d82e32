package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.ResourceKind;
import org.asclepius.hms.scheduling.ResourceRecord;
import org.asclepius.hms.scheduling.ResourceRef;
import org.asclepius.hms.scheduling.ServiceTypeRecord;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.scheduling.SlotStatus;
import org.asclepius.hms.shared.InvalidInputException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FhirSchedulingMapperTest {
    static final Instant NINE = Instant.parse("2030-05-06T09:00:00Z");
    static final Instant NINE_15 = Instant.parse("2030-05-06T09:15:00Z");
    static final Instant NINE_30 = Instant.parse("2030-05-06T09:30:00Z");

    static ResourceRecord resource(long id, ResourceKind kind, String name) {
        return new ResourceRecord(id, 3L, kind, name, "Cardiology", null, 15, true, List.of());
    }

    static ServiceTypeRecord service(String code, String name, boolean active, Long... resourceIds) {
        return new ServiceTypeRecord(code, 0L, name, 15, EnumSet.of(ResourceKind.PROVIDER), 1, null, active,
                List.of(resourceIds));
    }

    static AppointmentRecord appointment(AppointmentStatus status) {
        return new AppointmentRecord(77L, 4L, 42L, "Smith, John", "10000009", "CONSULT", "Consultation", NINE,
                NINE_15, status, List.of(new ResourceRef(5L, ResourceKind.PROVIDER, "Dr Who", "Cardiology"),
                new ResourceRef(6L, ResourceKind.ROOM, "Room 1", "Cardiology"),
                new ResourceRef(8L, ResourceKind.EQUIPMENT, "ECG 2", "Cardiology")),
                "bring the old ECG", status == AppointmentStatus.CANCELLED ? "patient is ill" : null,
                "urgent referral", null, null, null, null);
    }

    // ---------------------------------------------------------------- to FHIR

    @Test
    void schedule_isTheResource_withItsActorServicesAndDepartment() {
        Schedule s = FhirSchedulingMapper.toFhir(resource(5L, ResourceKind.PROVIDER, "Dr Who"), List.of(
                service("CONSULT", "Consultation", true, 5L, 9L),
                service("ECHO", "Echocardiogram", true, 9L),
                service("OLD", "Retired service", false, 5L)));

        assertThat(s.getIdElement().getIdPart()).isEqualTo("5");
        assertThat(s.getMeta().getVersionId()).isEqualTo("3");
        assertThat(s.getActive()).isTrue();
        assertThat(s.getActor()).singleElement().satisfies(a -> {
            assertThat(a.getReference()).isEqualTo("Practitioner/5");
            assertThat(a.getDisplay()).isEqualTo("Dr Who");
        });
        assertThat(s.getServiceType()).singleElement().satisfies(c -> {
            assertThat(c.getCodingFirstRep().getSystem()).isEqualTo(FhirSchedulingMapper.SERVICE_TYPE_SYSTEM);
            assertThat(c.getCodingFirstRep().getCode()).isEqualTo("CONSULT");
            assertThat(c.getCodingFirstRep().getDisplay()).isEqualTo("Consultation");
        });
        assertThat(s.getComment()).isEqualTo("Cardiology");
    }

    @ParameterizedTest
    @CsvSource({"PROVIDER, Practitioner/7", "ROOM, Location/7", "EQUIPMENT, Device/7"})
    void actor_typeFollowsTheKind(ResourceKind kind, String reference) {
        Schedule s = FhirSchedulingMapper.toFhir(resource(7L, kind, "X"), List.of());
        assertThat(s.getActorFirstRep().getReference()).isEqualTo(reference);
        assertThat(FhirSchedulingMapper.kindOf(reference.substring(0, reference.indexOf('/')))).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"OPEN, 0, FREE", "OPEN, 1, BUSY", "BLOCKED, 0, BUSYUNAVAILABLE", "BLOCKED, 1, BUSYUNAVAILABLE"})
    void slot_statusIsItsAvailability(SlotStatus status, int booked, Slot.SlotStatus expected) {
        Slot s = FhirSchedulingMapper.toFhir(new SlotRecord(900L, 5L, "Dr Who", NINE, NINE_15, status, booked));

        assertThat(s.getIdElement().getIdPart()).isEqualTo("900");
        assertThat(s.getSchedule().getReference()).isEqualTo("Schedule/5");
        assertThat(s.getStart().toInstant()).isEqualTo(NINE);
        assertThat(s.getEnd().toInstant()).isEqualTo(NINE_15);
        assertThat(s.getStatus()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"PROPOSED, proposed", "BOOKED, booked", "CHECKED_IN, checked-in", "CANCELLED, cancelled",
            "NO_SHOW, noshow"})
    void appointmentStatus_mapsBothWays(AppointmentStatus status, String code) {
        Appointment a = FhirSchedulingMapper.toFhir(appointment(status));
        assertThat(a.getStatus().toCode()).isEqualTo(code);
        assertThat(FhirSchedulingMapper.status(Appointment.AppointmentStatus.fromCode(code))).isEqualTo(status);
    }

    @Test
    void appointment_carriesPatientResourcesServiceTimesNoteVersionAndReasons() {
        Appointment a = FhirSchedulingMapper.toFhir(appointment(AppointmentStatus.BOOKED));

        assertThat(a.getIdElement().getIdPart()).isEqualTo("77");
        assertThat(a.getIdElement().getVersionIdPart()).isEqualTo("4");
        assertThat(a.getMeta().getVersionId()).isEqualTo("4");
        assertThat(a.getServiceTypeFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo(FhirSchedulingMapper.SERVICE_TYPE_SYSTEM);
        assertThat(a.getServiceTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("CONSULT");
        assertThat(a.getServiceTypeFirstRep().getCodingFirstRep().getDisplay()).isEqualTo("Consultation");
        assertThat(a.getStart().toInstant()).isEqualTo(NINE);
        assertThat(a.getEnd().toInstant()).isEqualTo(NINE_15);
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getReference())
                .containsExactly("Patient/42", "Practitioner/5", "Location/6", "Device/8");
        assertThat(a.getParticipant()).extracting(p -> p.getActor().getDisplay())
                .containsExactly("Smith, John", "Dr Who", "Room 1", "ECG 2");
        assertThat(a.getParticipant()).allSatisfy(p ->
                assertThat(p.getStatus()).isEqualTo(Appointment.ParticipationStatus.ACCEPTED));
        assertThat(a.getComment()).isEqualTo("bring the old ECG");
        assertThat(a.hasCancelationReason()).isFalse();
        assertThat(a.getExtensionByUrl(FhirSchedulingMapper.OVERBOOK_REASON).getValue().primitiveValue())
                .isEqualTo("urgent referral");
        assertThat(a.getExtensionByUrl(FhirSchedulingMapper.OVERLAP_REASON)).isNull();
    }

    @Test
    void cancelledAppointment_hasItsReason_andSurvivesJson() {
        Appointment a = FhirSchedulingMapper.toFhir(appointment(AppointmentStatus.CANCELLED));
        assertThat(a.getCancelationReason().getText()).isEqualTo("patient is ill");

        FhirContext fhir = FhirContext.forR4Cached();
        String json = fhir.newJsonParser().encodeResourceToString(a);
        assertThat(json).contains("\"status\":\"cancelled\"");
        Appointment back = fhir.newJsonParser().parseResource(Appointment.class, json);
        assertThat(FhirSchedulingMapper.cancelReason(back)).isEqualTo("patient is ill");
    }

    // ---------------------------------------------------------------- from FHIR

    static Appointment incoming() {
        Appointment a = new Appointment();
        a.setStatus(Appointment.AppointmentStatus.BOOKED);
        a.addServiceType(new CodeableConcept().addCoding(new Coding("http://snomed.info/sct", "11429006", "Consult"))
                .addCoding(new Coding(FhirSchedulingMapper.SERVICE_TYPE_SYSTEM, "CONSULT", null)));
        a.setStart(Date.from(NINE));
        a.setEnd(Date.from(NINE_15));
        a.addParticipant().setActor(new Reference("Practitioner/5"));
        a.addParticipant().setActor(new Reference("Patient/42"));
        a.setComment("  first visit ");
        return a;
    }

    static SlotRecord noSlot(long id) {
        return null;
    }

    @Test
    void toBooking_takesPatientServiceTimesParticipantsAndNote() {
        FhirSchedulingMapper.Mapped mapped = FhirSchedulingMapper.toBooking(incoming(),
                FhirSchedulingMapperTest::noSlot);
        BookingRequest r = mapped.request();

        assertThat(r.getPatientId()).isEqualTo(42L);
        assertThat(r.getServiceCode()).isEqualTo("CONSULT");
        assertThat(r.getStart()).isEqualTo(NINE);
        assertThat(r.getEnd()).isEqualTo(NINE_15);
        assertThat(r.getResourceIds()).containsExactly(5L);
        assertThat(r.getNote()).isEqualTo("first visit");
        assertThat(r.getOverbookReason()).isNull();
        // the service's field errors find their way back into the resource
        assertThat(mapped.paths().expressionFor("patientId")).isEqualTo("Appointment.participant[1].actor");
        assertThat(mapped.paths().expressionFor("serviceCode")).isEqualTo("Appointment.serviceType[0].coding[1].code");
        assertThat(mapped.paths().expressionFor("start")).isEqualTo("Appointment.start");
        assertThat(mapped.paths().expressionFor("end")).isEqualTo("Appointment.end");
        assertThat(mapped.paths().expressionFor("resourceIds")).isEqualTo("Appointment.participant");
        assertThat(mapped.paths().expressionFor("note")).isEqualTo("Appointment.comment");
        assertThat(mapped.paths().expressionFor(OverrideRequiredException.OVERLAP))
                .isEqualTo("Appointment.extension.where(url='urn:asclepius:fhir:overlap-reason')");
        assertThat(mapped.paths().expressionFor("somethingElse")).isEqualTo("Appointment");
    }

    @Test
    void toBooking_aCodeWithoutSystemIsTheServiceCode_anotherSystemAloneIsAnError() {
        Appointment bare = incoming();
        bare.getServiceType().clear();
        bare.addServiceType().addCoding().setCode("MRI");
        assertThat(FhirSchedulingMapper.toBooking(bare, FhirSchedulingMapperTest::noSlot).request().getServiceCode())
                .isEqualTo("MRI");

        Appointment foreign = incoming();
        foreign.getServiceType().clear();
        foreign.addServiceType().addCoding(new Coding("http://snomed.info/sct", "11429006", null));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(foreign, FhirSchedulingMapperTest::noSlot));
        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.serviceType[0].coding[0].system");
    }

    @Test
    void toBooking_slotsGiveTheirResources_andTheFirstMustStartWithTheAppointment() {
        Map<Long, SlotRecord> slots = Map.of(
                10L, new SlotRecord(10L, 6L, "Room 1", NINE, NINE_15, SlotStatus.OPEN, 0),
                11L, new SlotRecord(11L, 6L, "Room 1", NINE_15, NINE_30, SlotStatus.OPEN, 0),
                20L, new SlotRecord(20L, 5L, "Dr Who", NINE, NINE_30, SlotStatus.OPEN, 0));
        Appointment a = incoming();
        a.setEnd(Date.from(NINE_30));
        a.getParticipant().remove(0);
        a.addSlot(new Reference("Slot/11"));
        a.addSlot(new Reference("Slot/10"));
        a.addSlot(new Reference("Slot/20"));

        FhirSchedulingMapper.Mapped mapped = FhirSchedulingMapper.toBooking(a, slots::get);
        assertThat(mapped.request().getResourceIds()).containsExactly(6L, 5L);
        assertThat(mapped.paths().expressionFor("resourceIds")).isEqualTo("Appointment.slot");

        Appointment late = incoming();
        late.getParticipant().remove(0);
        late.addSlot(new Reference("Slot/11"));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(late, slots::get));
        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.slot[0]");
        assertThat(e.getFieldErrors().get("Appointment.slot[0]")).contains("not within the appointment");

        Appointment shifted = incoming();
        shifted.setStart(Date.from(NINE.minusSeconds(900)));
        shifted.getParticipant().remove(0);
        shifted.addSlot(new Reference("Slot/10"));
        e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(shifted, slots::get));
        assertThat(e.getFieldErrors().get("Appointment.slot[0]")).contains("not at the appointment's start");
    }

    @Test
    void toBooking_unknownSlotsAndBadReferences_areFieldErrors() {
        Appointment a = incoming();
        a.addSlot(new Reference("Slot/99"));
        a.addSlot(new Reference("Schedule/5"));
        a.addParticipant().setActor(new Reference("RelatedPerson/3"));
        a.addParticipant().setActor(new Reference().setDisplay("Dr Nobody"));
        a.addParticipant().setActor(new Reference("Patient/43"));

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(a, FhirSchedulingMapperTest::noSlot));

        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.slot[0]", "Appointment.slot[1]",
                "Appointment.participant[2].actor", "Appointment.participant[3].actor",
                "Appointment.participant[4].actor");
        assertThat(e.getFieldErrors().get("Appointment.slot[0]")).contains("does not exist");
        assertThat(e.getFieldErrors().get("Appointment.participant[4].actor")).contains("one patient");
    }

    @Test
    void toBooking_withoutAPatient_isAFieldError() {
        Appointment a = incoming();
        a.getParticipant().remove(1);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(a, FhirSchedulingMapperTest::noSlot));
        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.participant");
    }

    @Test
    void toBooking_overrideReasonsComeFromTheirExtensions() {
        Appointment a = incoming();
        a.addExtension(FhirSchedulingMapper.OVERBOOK_REASON, new StringType("urgent"));
        a.addExtension(FhirSchedulingMapper.OVERLAP_REASON, new StringType("two services at once"));
        BookingRequest r = FhirSchedulingMapper.toBooking(a, FhirSchedulingMapperTest::noSlot).request();
        assertThat(r.getOverbookReason()).isEqualTo("urgent");
        assertThat(r.getOverlapReason()).isEqualTo("two services at once");

        Appointment wrongType = incoming();
        wrongType.addExtension(FhirSchedulingMapper.OVERBOOK_REASON, new org.hl7.fhir.r4.model.BooleanType(true));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> FhirSchedulingMapper.toBooking(wrongType, FhirSchedulingMapperTest::noSlot));
        assertThat(e.getFieldErrors()).containsOnlyKeys(
                FhirSchedulingMapper.extensionPath(FhirSchedulingMapper.OVERBOOK_REASON));
    }

    @Test
    void cancelReason_isTheTextElseTheCoding() {
        Appointment a = new Appointment();
        assertThat(FhirSchedulingMapper.cancelReason(a)).isNull();
        a.setCancelationReason(new CodeableConcept().addCoding(new Coding("urn:x", "pat", "Patient request")));
        assertThat(FhirSchedulingMapper.cancelReason(a)).isEqualTo("Patient request");
        a.getCancelationReason().setText(" ill ");
        assertThat(FhirSchedulingMapper.cancelReason(a)).isEqualTo("ill");
        assertThat(Set.of(FhirSchedulingMapper.overrideExtension(OverrideRequiredException.OVERBOOK),
                FhirSchedulingMapper.overrideExtension(OverrideRequiredException.OVERLAP)))
                .containsExactlyInAnyOrder(FhirSchedulingMapper.OVERBOOK_REASON, FhirSchedulingMapper.OVERLAP_REASON);
    }
}
