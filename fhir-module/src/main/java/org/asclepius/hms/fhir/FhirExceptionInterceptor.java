package org.asclepius.hms.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import jakarta.ejb.EJBAccessException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditOutcome;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.scheduling.OverrideRequiredException;
import org.asclepius.hms.scheduling.SlotConflictException;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.NotFoundException;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The one place where failures become FHIR answers. Runs for every exception of a request, before HAPI's own
 * handler, and always returns an exception that carries its OperationOutcome (so HAPI neither logs it nor adds
 * a stack trace):
 * <ul>
 *   <li>{@link InvalidInputException} → 422 with one issue per field (expression = the FHIR path); on a search
 *       400</li>
 *   <li>{@link NotFoundException} → 404, {@link ConcurrentUpdateException} → 409, any other domain rule → 422</li>
 *   <li>{@link SlotConflictException} (the time is taken) → 409, issue code conflict;
 *       {@link OverrideRequiredException} (a reason to overbook or to double-book the patient is needed) → 409
 *       whose issue expression names the extension that carries the reason</li>
 *   <li>{@link EJBAccessException} (the caller's role does not allow it) → 403, and a DENIED audit event</li>
 *   <li>{@link AccessRefusedException} (the role may, but not for this patient: no care relationship, a restricted
 *       record) → 403 with the service's explanation; the access check has audited it already</li>
 *   <li>unparseable content → 400; HAPI's own 4xx answers pass through</li>
 *   <li>anything else → 500 with a generic OperationOutcome; the log gets the exception class, where it was
 *       thrown and the request id, never a message (messages can carry patient data)</li>
 * </ul>
 * HAPI wraps what a provider throws ({@code InternalErrorException} ← {@code InvocationTargetException}) and EJB
 * wraps system exceptions ({@code EJBException}): the cause chain is searched for the exception that matters.
 */
@Interceptor
public class FhirExceptionInterceptor {
    /** Key of the {@link FhirFieldPaths} a provider leaves in {@link RequestDetails#getUserData()}. */
    public static final String FIELD_PATHS = FhirFieldPaths.class.getName();

    private static final Logger LOG = Logger.getLogger(FhirExceptionInterceptor.class.getName());

    private final AuditTrail audit;
    private final Function<RequestDetails, String> requestId;

    /**
     * @param audit     where denied attempts are recorded (null: not recorded, for tests)
     * @param requestId the id that ties a log line to the audit trail (the request's {@code RequestContext})
     */
    public FhirExceptionInterceptor(AuditTrail audit, Function<RequestDetails, String> requestId) {
        this.audit = audit;
        this.requestId = requestId;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException preProcessOutgoingException(RequestDetails request, Throwable thrown) {
        return translate(request, thrown);
    }

    BaseServerResponseException translate(RequestDetails request, Throwable thrown) {
        Throwable cause = essential(thrown);
        if (cause instanceof EJBAccessException) {
            recordDenied(request);
            return withOutcome(new ForbiddenOperationException("Your role does not allow this operation"),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.FORBIDDEN,
                            "Your role does not allow this operation"));
        }
        if (cause instanceof AccessRefusedException refused) {
            // the access check has recorded the DENIED attempt with the patient it was about
            String diagnostics = refused.getMessage() + (refused.isBreakGlassPossible()
                    ? " Break-the-glass is done on the patient's chart in the staff screens; while it lasts, the API"
                    + " answers the same user." : "");
            return withOutcome(new ForbiddenOperationException(diagnostics),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.FORBIDDEN, diagnostics));
        }
        if (cause instanceof InvalidInputException invalid) {
            if (isSearch(request)) {
                return withOutcome(new InvalidRequestException(invalid.getMessage()),
                        FhirErrors.invalidSearch(invalid.getFieldErrors()));
            }
            return withOutcome(new UnprocessableEntityException(invalid.getMessage()),
                    FhirErrors.invalidResource(invalid.getFieldErrors(), fieldPaths(request)));
        }
        if (cause instanceof NotFoundException notFound) {
            return withOutcome(new ResourceNotFoundException(notFound.getMessage()),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.NOTFOUND, notFound.getMessage()));
        }
        if (cause instanceof ConcurrentUpdateException conflict) {
            return withOutcome(new ResourceVersionConflictException(conflict.getMessage()),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.CONFLICT, conflict.getMessage()));
        }
        if (cause instanceof SlotConflictException taken) {
            return withOutcome(new ResourceVersionConflictException(taken.getMessage()),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.CONFLICT, taken.getMessage()));
        }
        if (cause instanceof OverrideRequiredException override) {
            String url = FhirSchedulingMapper.overrideExtension(override.getField());
            OperationOutcome oo = FhirErrors.single(IssueSeverity.ERROR, IssueType.CONFLICT, override.getMessage()
                    + " Send the reason as the extension " + url + " (valueString).");
            oo.getIssueFirstRep().addExpression(FhirSchedulingMapper.extensionPath(url));
            return withOutcome(new ResourceVersionConflictException(override.getMessage()), oo);
        }
        if (cause instanceof DomainException rule) {
            return withOutcome(new UnprocessableEntityException(rule.getMessage()),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.BUSINESSRULE, rule.getMessage()));
        }
        if (cause instanceof DataFormatException unparseable) {
            return withOutcome(new InvalidRequestException(unparseable.getMessage()),
                    FhirErrors.single(IssueSeverity.ERROR, IssueType.STRUCTURE, unparseable.getMessage()));
        }
        if (cause instanceof BaseServerResponseException answer && !(cause instanceof InternalErrorException)) {
            if (answer.getOperationOutcome() == null) {
                answer.setOperationOutcome(FhirErrors.single(IssueSeverity.ERROR, issueType(answer.getStatusCode()),
                        answer.getMessage()));
            }
            return answer;
        }
        String id = requestId(request);
        if (LOG.isLoggable(Level.SEVERE)) {
            LOG.severe("FHIR request " + id + " failed: " + describe(thrown));
        }
        String diagnostics = "The server could not complete the request. Quote reference " + id
                + " when reporting it.";
        return withOutcome(new InternalErrorException(diagnostics),
                FhirErrors.single(IssueSeverity.FATAL, IssueType.EXCEPTION, diagnostics));
    }

    /** The exception that decides the answer: the first meaningful one in the cause chain. */
    static Throwable essential(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (t instanceof EJBAccessException || t instanceof DomainException || t instanceof DataFormatException) {
                return t;
            }
            if (t instanceof BaseServerResponseException && !(t instanceof InternalErrorException)) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return thrown;
    }

    private void recordDenied(RequestDetails request) {
        if (audit == null) {
            return;
        }
        String resourceType = "Patient";
        String resourceId = null;
        Long patientId = null;
        String operation = "request";
        if (request != null) {
            if (request.getResourceName() != null && !request.getResourceName().isBlank()) {
                resourceType = request.getResourceName();
            }
            if (request.getId() != null && request.getId().hasIdPart()) {
                resourceId = request.getId().getIdPart();
                try {
                    // only a Patient's id is a patient id
                    patientId = "Patient".equals(resourceType) ? Long.valueOf(resourceId) : null;
                } catch (NumberFormatException notAPatientId) {
                    patientId = null;
                }
            }
            if (request.getRestOperationType() != null) {
                operation = request.getRestOperationType().getCode();
            }
        }
        try {
            audit.recordAttempt(AuditOutcome.DENIED, AuditAction.ACCESS, resourceType, resourceId, patientId,
                    "FHIR " + operation);
        } catch (RuntimeException e) {
            LOG.severe("FHIR request " + requestId(request) + ": the denied attempt could not be audited: "
                    + describe(e));
        }
    }

    private String requestId(RequestDetails request) {
        try {
            String id = requestId == null ? null : requestId.apply(request);
            if (id != null) {
                return id;
            }
        } catch (RuntimeException noContext) {
            // fall back to HAPI's own id below
        }
        return request == null ? "unknown" : request.getRequestId();
    }

    private static boolean isSearch(RequestDetails request) {
        if (request == null) {
            return false;
        }
        RestOperationTypeEnum type = request.getRestOperationType();
        return type == RestOperationTypeEnum.SEARCH_TYPE || type == RestOperationTypeEnum.SEARCH_SYSTEM;
    }

    private static FhirFieldPaths fieldPaths(RequestDetails request) {
        Object paths = request == null ? null : request.getUserData().get(FIELD_PATHS);
        return paths instanceof FhirFieldPaths p ? p
                : FhirFieldPaths.forResource(request == null ? null : request.getResourceName());
    }

    private static BaseServerResponseException withOutcome(BaseServerResponseException e, IBaseOperationOutcome oo) {
        e.setOperationOutcome(oo);
        return e;
    }

    static IssueType issueType(int status) {
        return switch (status) {
            case 401, 403 -> IssueType.SECURITY;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 501 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.BUSINESSRULE;
            default -> status < 500 ? IssueType.INVALID : IssueType.EXCEPTION;
        };
    }

    /**
     * Classes of the cause chain and where the innermost was thrown: enough to find the defect, no message
     * (messages can carry patient data).
     */
    static String describe(Throwable thrown) {
        StringBuilder sb = new StringBuilder();
        Throwable t = thrown;
        Throwable innermost = thrown;
        for (int depth = 0; t != null && depth < 20; depth++) {
            sb.append(depth == 0 ? "" : " <- ").append(t.getClass().getName());
            innermost = t;
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        StackTraceElement[] trace = innermost.getStackTrace();
        if (trace.length > 0) {
            sb.append(" at ").append(trace[0]);
        }
        return sb.toString();
    }

    /** For tests: the outcome of a translated exception. */
    static OperationOutcome outcome(BaseServerResponseException e) {
        return (OperationOutcome) e.getOperationOutcome();
    }
}
