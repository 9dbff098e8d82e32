package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditOutcome;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.SlotConflictException;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.junit.jupiter.api.Test;

class FhirExceptionInterceptorTest {
    final RecordingAuditTrail audit = new RecordingAuditTrail();
    final FhirExceptionInterceptor interceptor = new FhirExceptionInterceptor(audit, r -> "req-1");

    @Test
    void invalidInput_onCreate_is422_withOneIssuePerField_atItsFhirPath() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("birthDate", "must be in the past");
        errors.put("identifiers[0].value", "Passport must be 6 to 12 letters or digits");
        errors.put("familyName", "enter the family name");
        ServletRequestDetails request = request(RestOperationTypeEnum.CREATE, null);

        BaseServerResponseException e = interceptor.translate(request, new InvalidInputException(errors));

        assertThat(e.getStatusCode()).isEqualTo(422);
        List<OperationOutcomeIssueComponent> issues = FhirExceptionInterceptor.outcome(e).getIssue();
        assertThat(issues).extracting(i -> i.getExpression().get(0).getValue()).containsExactly(
                "Patient.birthDate", "Patient.identifier[1].value", "Patient.name[0].family");
        assertThat(issues).extracting(OperationOutcomeIssueComponent::getDiagnostics).containsExactly(
                "must be in the past", "Passport must be 6 to 12 letters or digits", "enter the family name");
        assertThat(issues).allSatisfy(i -> {
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
            assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
        });
    }

    @Test
    void invalidInput_usesThePathsTheMapperRecorded() {
        ServletRequestDetails request = request(RestOperationTypeEnum.UPDATE, "5");
        org.hl7.fhir.r4.model.Patient p = FhirPatientMapperTest.newPatient();
        p.addIdentifier().setSystem(org.asclepius.hms.patient.IdentifierType.MRN_SYSTEM).setValue("10000009");
        p.addIdentifier().setSystem(SeededIdentifierTypes.PASSPORT.system()).setValue("x");
        request.getUserData().put(FhirExceptionInterceptor.FIELD_PATHS,
                FhirPatientMapper.toData(p, FhirPatientMapper.Purpose.UPDATE, SeededIdentifierTypes.TYPES).paths());

        BaseServerResponseException e = interceptor.translate(request,
                InvalidInputException.of("identifiers[0].value", "Passport must be 6 to 12 letters or digits"));

        assertThat(FhirExceptionInterceptor.outcome(e).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Patient.identifier[1].value");
    }

    @Test
    void fieldErrorsAlreadyInFhirTerms_keepTheirPath() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.CREATE, null),
                InvalidInputException.of("Patient.identifier[3].system", "unknown identifier system"));

        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Patient.identifier[3].system");
    }

    @Test
    void invalidInput_onSearch_is400() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.SEARCH_TYPE, null),
                InvalidInputException.of("birthDate", "must not be in the future"));

        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Search parameter 'birthdate' must not be in the future");
    }

    @Test
    void notFound_is404_andConflict_is409() {
        BaseServerResponseException notFound = interceptor.translate(request(RestOperationTypeEnum.READ, "9"),
                new NotFoundException("Patient", 9L));
        BaseServerResponseException conflict = interceptor.translate(request(RestOperationTypeEnum.UPDATE, "9"),
                new ConcurrentUpdateException("This patient", "nurse1", Instant.parse("2025-01-01T00:00:00Z")));

        assertThat(notFound.getStatusCode()).isEqualTo(404);
        assertThat(FhirExceptionInterceptor.outcome(notFound).getIssueFirstRep().getCode())
                .isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(conflict.getStatusCode()).isEqualTo(409);
        assertThat(FhirExceptionInterceptor.outcome(conflict).getIssueFirstRep().getDiagnostics())
                .contains("nurse1");
    }

    @Test
    void aTakenSlot_is409Conflict_withTheServicesMessage() {
        BaseServerResponseException e = interceptor.translate(appointmentRequest(RestOperationTypeEnum.CREATE, null),
                new SlotConflictException("Dr Who is already booked at 09:00. Choose another time."));

        assertThat(e.getStatusCode()).isEqualTo(409);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssue()).singleElement().satisfies(i -> {
            assertThat(i.getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
            assertThat(i.getDiagnostics()).isEqualTo("Dr Who is already booked at 09:00. Choose another time.");
        });
    }

    @Test
    void aNeededOverride_is409_namingTheExtensionThatCarriesTheReason() {
        BaseServerResponseException overbook = interceptor.translate(
                appointmentRequest(RestOperationTypeEnum.CREATE, null), new OverrideRequiredException(
                        OverrideRequiredException.OVERBOOK, "This time is already booked."));
        BaseServerResponseException overlap = interceptor.translate(
                appointmentRequest(RestOperationTypeEnum.UPDATE, "5"), new OverrideRequiredException(
                        OverrideRequiredException.OVERLAP, "The patient already has X at 09:00."));

        assertThat(overbook.getStatusCode()).isEqualTo(409);
        OperationOutcomeIssueComponent issue = FhirExceptionInterceptor.outcome(overbook).getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
        assertThat(issue.getDiagnostics()).startsWith("This time is already booked.")
                .contains(FhirSchedulingMapper.OVERBOOK_REASON);
        assertThat(issue.getExpression().get(0).getValue())
                .isEqualTo("Appointment.extension.where(url='urn:asclepius:fhir:overbook-reason')");
        assertThat(FhirExceptionInterceptor.outcome(overlap).getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("Appointment.extension.where(url='urn:asclepius:fhir:overlap-reason')");
    }

    @Test
    void invalidInput_onAnAppointment_withoutRecordedPaths_pointsAtTheAppointment() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("Appointment.slot[0]", "Slot 9 does not exist");
        errors.put("start", "is in the past");
        BaseServerResponseException e = interceptor.translate(appointmentRequest(RestOperationTypeEnum.CREATE, null),
                new InvalidInputException(errors));

        assertThat(e.getStatusCode()).isEqualTo(422);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssue()).extracting(
                i -> i.getExpression().get(0).getValue(), OperationOutcomeIssueComponent::getDiagnostics)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Appointment.slot[0]", "Slot 9 does not exist"),
                        org.assertj.core.groups.Tuple.tuple("Appointment", "start: is in the past"));
    }

    @Test
    void accessDenied_toAnotherResource_recordsThatResource_andNoPatient() {
        interceptor.translate(appointmentRequest(RestOperationTypeEnum.READ, "12"), new EJBAccessException("no"));

        assertThat(audit.attempts).containsExactly(
                Arrays.asList(AuditOutcome.DENIED, AuditAction.ACCESS, "Appointment", "12", null, "FHIR read"));
    }

    @Test
    void accessDenied_is403_andRecordsADeniedAuditEvent() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.READ, "77"),
                new EJBAccessException("WFLYEJB0364: Invocation on method ... is not allowed"));

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssueFirstRep().getDiagnostics())
                .doesNotContain("WFLYEJB");
        assertThat(audit.attempts).containsExactly(
                List.of(AuditOutcome.DENIED, AuditAction.ACCESS, "Patient", "77", 77L, "FHIR read"));
    }

    @Test
    void aRefusedChart_is403Forbidden_withTheExplanation_auditedByTheAccessCheckNotAgain() {
        BaseServerResponseException e = interceptor.translate(appointmentRequest(RestOperationTypeEnum.SEARCH_TYPE,
                null), new EJBException(new AccessRefusedException("You are not treating this patient.", true)));

        assertThat(e.getStatusCode()).isEqualTo(403);
        var issue = FhirExceptionInterceptor.outcome(e).getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getDiagnostics()).startsWith("You are not treating this patient.")
                .contains("Break-the-glass");
        assertThat(audit.attempts).isEmpty();

        BaseServerResponseException role = interceptor.translate(request(RestOperationTypeEnum.READ, "3"),
                new AccessRefusedException("Your role does not give access to clinical records.", false));
        assertThat(role.getStatusCode()).isEqualTo(403);
        assertThat(FhirExceptionInterceptor.outcome(role).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Your role does not give access to clinical records.");
    }

    @Test
    void accessDenied_onSearch_recordsNoPatient() {
        interceptor.translate(request(RestOperationTypeEnum.SEARCH_TYPE, null), new EJBAccessException("no"));

        assertThat(audit.attempts).singleElement().satisfies(a -> {
            assertThat(a.get(3)).isNull();
            assertThat(a.get(4)).isNull();
            assertThat(a.get(5)).isEqualTo("FHIR search-type");
        });
    }

    @Test
    void wrappedExceptions_areUnwrapped() {
        // what HAPI makes of an exception thrown by a provider method, and what EJB makes of a system exception
        Throwable hapiWrapped = new InternalErrorException("Failed to call access method",
                new InvocationTargetException(new NotFoundException("Patient", 3L)));
        Throwable ejbWrapped = new EJBException(new EJBAccessException("denied"));

        assertThat(interceptor.translate(request(RestOperationTypeEnum.READ, "3"), hapiWrapped).getStatusCode())
                .isEqualTo(404);
        assertThat(interceptor.translate(request(RestOperationTypeEnum.READ, "3"), ejbWrapped).getStatusCode())
                .isEqualTo(403);
    }

    @Test
    void unparseableContent_is400() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.CREATE, null),
                new DataFormatException("Failed to parse JSON encoded FHIR content"));

        assertThat(e.getStatusCode()).isEqualTo(400);
    }

    @Test
    void hapiAnswers_passThrough_withAnOutcome() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.DELETE, "1"),
                new MethodNotAllowedException("DELETE is not supported"));

        assertThat(e.getStatusCode()).isEqualTo(405);
        assertThat(FhirExceptionInterceptor.outcome(e).getIssueFirstRep().getDiagnostics())
                .contains("DELETE is not supported");
    }

    @Test
    void anythingElse_is500_withAGenericOutcome_thatLeaksNothing() {
        BaseServerResponseException e = interceptor.translate(request(RestOperationTypeEnum.READ, "1"),
                new InternalErrorException("Failed to call access method", new InvocationTargetException(
                        new IllegalStateException("patient John Smith born 1980-02-29 broke it"))));

        assertThat(e.getStatusCode()).isEqualTo(500);
        OperationOutcome oo = FhirExceptionInterceptor.outcome(e);
        assertThat(oo.getIssue()).singleElement().satisfies(i -> {
            assertThat(i.getDiagnostics()).contains("req-1").doesNotContain("John").doesNotContain("1980");
            assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.FATAL);
        });
        assertThat(e.getMessage()).doesNotContain("John");
    }

    @Test
    void describe_namesClassesAndPlace_butNoMessage() {
        String text = FhirExceptionInterceptor.describe(
                new EJBException(new IllegalStateException("patient John Smith")));

        assertThat(text).contains("jakarta.ejb.EJBException <- java.lang.IllegalStateException")
                .contains(" at ").doesNotContain("John");
    }

    static ServletRequestDetails request(RestOperationTypeEnum type, String id) {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setRestOperationType(type);
        request.setResourceName("Patient");
        if (id != null) {
            request.setId(new IdType("Patient", id));
        }
        return request;
    }

    static ServletRequestDetails appointmentRequest(RestOperationTypeEnum type, String id) {
        ServletRequestDetails request = new ServletRequestDetails();
        request.setRestOperationType(type);
        request.setResourceName("Appointment");
        if (id != null) {
            request.setId(new IdType("Appointment", id));
        }
        return request;
    }

    static class RecordingAuditTrail extends AuditTrail {
        final List<List<Object>> attempts = new ArrayList<>();

        @Override
        public void recordAttempt(AuditOutcome outcome, AuditAction action, String resourceType, String resourceId,
                                  Long patientId, String detail) {
            List<Object> call = new ArrayList<>();
            call.add(outcome);
            call.add(action);
            call.add(resourceType);
            call.add(resourceId);
            call.add(patientId);
            call.add(detail);
            attempts.add(call);
        }
    }
}
