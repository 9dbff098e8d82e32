package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.asclepius.hms.scheduling.AppointmentRecord;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.AppointmentStatus;
import org.asclepius.hms.scheduling.BookingRequest;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.scheduling.SeriesScope;
import org.asclepius.hms.scheduling.SlotRecord;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The provider's decisions (book, cancel or move, what is refused) over services that only record calls. */
class AppointmentResourceProviderTest {
    static final Instant TEN = Instant.parse("2030-05-06T10:00:00Z");

    final FakeAppointments appointments = new FakeAppointments();
    final AppointmentResourceProvider provider = new AppointmentResourceProvider(appointments, new NoSlots(),
            Clock.fixed(Instant.parse("2030-05-01T12:00:00Z"), ZoneOffset.UTC));
    final FhirExceptionInterceptor interceptor = new FhirExceptionInterceptor(null, r -> "req-1");

    static ServletRequestDetails request(RestOperationTypeEnum type) {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setRestOperationType(type);
        request.setResourceName("Appointment");
        return request;
    }

    /** What a client read, edited: the current appointment as FHIR. */
    Appointment asRead() {
        return FhirSchedulingMapper.toFhir(appointments.current);
    }

    @Test
    void create_booksWhatTheResourceAsksFor() {
        Appointment a = FhirSchedulingMapperTest.incoming();

        MethodOutcome outcome = provider.create(a, request(RestOperationTypeEnum.CREATE));

        assertThat(outcome.getCreated()).isTrue();
        assertThat(outcome.getId().getIdPart()).isEqualTo("77");
        BookingRequest booked = (BookingRequest) appointments.calls.get(0).get(1);
        assertThat(booked.getPatientId()).isEqualTo(42L);
        assertThat(booked.getServiceCode()).isEqualTo("CONSULT");
        assertThat(booked.getResourceIds()).containsExactly(5L);
    }

    @Test
    void create_ofAnotherStatus_orForAPatientThatDoesNotExist_isAFieldError() {
        Appointment proposed = FhirSchedulingMapperTest.incoming().setStatus(Appointment.AppointmentStatus.PROPOSED);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> provider.create(proposed, request(RestOperationTypeEnum.CREATE)));
        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.status");

        appointments.failure = new NotFoundException("Patient", 42L);
        ServletRequestDetails request = request(RestOperationTypeEnum.CREATE);
        Throwable thrown = catchThrowableOfType(InvalidInputException.class,
                () -> provider.create(FhirSchedulingMapperTest.incoming(), request));
        BaseServerResponseException answer = interceptor.translate(request, thrown);
        assertThat(answer.getStatusCode()).isEqualTo(422);
        assertThat(FhirExceptionInterceptor.outcome(answer).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Appointment.participant[1].actor");
    }

    @Test
    void serviceFieldErrors_pointIntoTheResource() {
        appointments.failure = InvalidInputException.of("serviceCode", "is not a service that can be booked");
        ServletRequestDetails request = request(RestOperationTypeEnum.CREATE);
        Throwable thrown = catchThrowableOfType(InvalidInputException.class,
                () -> provider.create(FhirSchedulingMapperTest.incoming(), request));

        BaseServerResponseException answer = interceptor.translate(request, thrown);

        assertThat(answer.getStatusCode()).isEqualTo(422);
        assertThat(FhirExceptionInterceptor.outcome(answer).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Appointment.serviceType[0].coding[1].code");
    }

    @Test
    void update_cancelled_withAReason_cancelsThisOne() {
        Appointment a = asRead().setStatus(Appointment.AppointmentStatus.CANCELLED);
        a.setCancelationReason(new CodeableConcept().setText("feels better"));

        MethodOutcome outcome = provider.update(new IdType("Appointment", "77", "4"), a,
                request(RestOperationTypeEnum.UPDATE));

        assertThat(appointments.calls).containsExactly(Arrays.asList("cancel", 77L, 4L, "feels better",
                SeriesScope.THIS));
        assertThat(outcome.getCreated()).isFalse();
    }

    @Test
    void update_cancelled_withoutAReason_isAFieldError() {
        Appointment a = asRead().setStatus(Appointment.AppointmentStatus.CANCELLED);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> provider.update(new IdType("Appointment", "77", "4"), a, request(RestOperationTypeEnum.UPDATE)));
        assertThat(e.getFieldErrors()).containsOnlyKeys("Appointment.cancelationReason");
        assertThat(appointments.calls).isEmpty();
    }

    @Test
    void update_booked_withANewStart_moves_keepingTheResources() {
        Instant later = TEN.plusSeconds(3600);
        Appointment a = asRead();
        a.setStart(Date.from(later));
        a.setEnd(Date.from(later.plusSeconds(900)));
        a.getMeta().setVersionId("4");

        provider.update(new IdType("Appointment", "77"), a, request(RestOperationTypeEnum.UPDATE));

        assertThat(appointments.calls).containsExactly(Arrays.asList("reschedule", 77L, 4L, later, null,
                "urgent referral", null, SeriesScope.THIS));
    }

    @Test
    void update_booked_withAnotherPractitioner_movesToIt() {
        Appointment a = asRead();
        a.getParticipant().get(1).setActor(new Reference("Practitioner/9"));

        provider.update(new IdType("Appointment", "77", "4"), a, request(RestOperationTypeEnum.UPDATE));

        assertThat(appointments.calls.get(0).get(4)).isEqualTo(List.of(9L, 6L, 8L));
    }

    @Test
    void update_thatChangesNothingMovable_orAnotherStatus_orThePatient_is422() {
        IdType id = new IdType("Appointment", "77", "4");
        ServletRequestDetails request = request(RestOperationTypeEnum.UPDATE);

        InvalidInputException same = catchThrowableOfType(InvalidInputException.class,
                () -> provider.update(id, asRead(), request));
        assertThat(same.getFieldErrors().get("Appointment")).contains("Nothing to change");

        Appointment noShow = asRead().setStatus(Appointment.AppointmentStatus.NOSHOW);
        InvalidInputException status = catchThrowableOfType(InvalidInputException.class,
                () -> provider.update(id, noShow, request));
        assertThat(status.getFieldErrors().get("Appointment.status")).contains("noshow cannot be set");

        Appointment otherPatient = asRead();
        otherPatient.setStart(Date.from(TEN.plusSeconds(3600))).setEnd(null);
        otherPatient.getParticipantFirstRep().setActor(new Reference("Patient/43"));
        otherPatient.setComment("changed");
        InvalidInputException patient = catchThrowableOfType(InvalidInputException.class,
                () -> provider.update(id, otherPatient, request));
        assertThat(patient.getFieldErrors()).containsOnlyKeys("Appointment.participant[0].actor",
                "Appointment.comment");

        assertThat(appointments.calls).isEmpty();
    }

    @Test
    void update_withoutAVersion_is412() {
        Appointment a = asRead();
        a.getMeta().setVersionId(null);
        assertThatThrownBy(() -> provider.update(new IdType("Appointment", "77"), a,
                request(RestOperationTypeEnum.UPDATE))).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void vread_ofAnEarlierVersion_is404() {
        assertThat(provider.read(new IdType("Appointment", "77", "4")).getIdElement().getIdPart()).isEqualTo("77");
        assertThatThrownBy(() -> provider.read(new IdType("Appointment", "77", "3")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void search_byPatient_narrowedByDate() {
        DateRangeParam may6 = new DateRangeParam(new DateParam("ge2030-05-06T00:00:00Z"),
                new DateParam("lt2030-05-07T00:00:00Z"));
        DateRangeParam may7 = new DateRangeParam(new DateParam("ge2030-05-07T00:00:00Z"), null);

        assertThat(provider.search(new ReferenceParam("Patient/42"), null, may6, null, null, null).size())
                .isEqualTo(1);
        assertThat(provider.search(new ReferenceParam("Patient/42"), null, may7, null, null, null).size())
                .isZero();
        assertThatThrownBy(() -> provider.search(null, null, null, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("patient, actor or date");
        assertThatThrownBy(() -> provider.search(new ReferenceParam("Practitioner/42"), null, null, null, null,
                null)).isInstanceOf(InvalidRequestException.class);
    }

    static class FakeAppointments extends AppointmentService {
        AppointmentRecord current = new AppointmentRecord(77L, 4L, 42L, "Smith, John", "10000009", "CONSULT",
                "Consultation", TEN, TEN.plusSeconds(900), AppointmentStatus.BOOKED,
                FhirSchedulingMapperTest.appointment(AppointmentStatus.BOOKED).resources(), null, null,
                "urgent referral", null, null, null, null);
        final List<List<Object>> calls = new ArrayList<>();
        RuntimeException failure;

        @Override
        public AppointmentRecord get(long id) {
            return current;
        }

        @Override
        public AppointmentRecord book(BookingRequest request) {
            calls.add(Arrays.asList("book", request));
            if (failure != null) {
                throw failure;
            }
            return current;
        }

        @Override
        public List<AppointmentRecord> cancel(long id, long version, String reason, SeriesScope scope) {
            calls.add(Arrays.asList("cancel", id, version, reason, scope));
            return List.of(current);
        }

        @Override
        public List<AppointmentRecord> reschedule(long id, long version, Instant newStart, List<Long> resourceIds,
                String overbookReason, String overlapReason, SeriesScope scope) {
            calls.add(Arrays.asList("reschedule", id, version, newStart, resourceIds, overbookReason, overlapReason,
                    scope));
            return List.of(current);
        }

        @Override
        public List<AppointmentRecord> forPatient(long patientId) {
            return patientId == current.patient() ? List.of(current) : List.of();
        }
    }

    static class NoSlots extends ScheduleService {
        @Override
        public SlotRecord slot(long id) {
            throw new NotFoundException("Slot", id);
        }
    }
}
