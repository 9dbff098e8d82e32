package org.asclepius.hms.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.encounter.EncounterDirectory;
import org.asclepius.hms.inpatient.LocationDirectory;
import org.asclepius.hms.patient.IdentifierTypeService;
import org.asclepius.hms.patient.PatientService;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.asclepius.hms.scheduling.AppointmentService;
import org.asclepius.hms.scheduling.ScheduleService;
import org.asclepius.hms.shared.RequestContext;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The FHIR R4 endpoint ({@code /hms/fhir}, web.xml). A bearer-only WAR: the container has checked the token
 * before a request gets here; the EJBs check the roles of the caller the token names.
 *
 * <p>Paging is stateless (offset links, see {@link OffsetPage}): no paging provider, so no search is held in
 * the memory of one cluster node.
 */
public class HmsFhirServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    /**
     * One context per class loader, owned by this server because it is configured: its parser refuses what it
     * cannot read (400) instead of logging the offending values, which may be patient data, and going on.
     */
    private static final FhirContext FHIR = newContext();

    @EJB
    private transient PatientService patients;
    @EJB
    private transient AuditTrail audit;
    @EJB
    private transient CoverageService coverages;
    @EJB
    private transient IdentifierTypeService identifierTypes;
    @EJB
    private transient ScheduleService schedules;
    @EJB
    private transient AppointmentService appointments;
    @EJB
    private transient EncounterDirectory encounters;
    @EJB
    private transient LocationDirectory locations;
    @EJB
    private transient VitalSignService vitals;
    @EJB
    private transient OrderService orders;
    @EJB
    private transient NoteService notes;
    @Inject
    private transient RequestContext requestContext;

    public HmsFhirServer() {
        super(FHIR);
    }

    /** For tests: the services without a container. */
    HmsFhirServer(PatientService patients, AuditTrail audit) {
        this();
        this.patients = patients;
        this.audit = audit;
    }

    static FhirContext newContext() {
        FhirContext context = FhirContext.forR4();
        context.setParserErrorHandler(new StrictErrorHandler());
        return context;
    }

    @Override
    protected void initialize() throws ServletException {
        setServerName("Asclepius HMS FHIR");
        setImplementationDescription("Asclepius HMS FHIR R4 API");
        setDefaultResponseEncoding(EncodingEnum.JSON);
        setDefaultPrettyPrint(false);
        setPagingProvider(null);
        setDefaultPageSize(PatientResourceProvider.DEFAULT_COUNT);
        setMaximumPageSize(PatientResourceProvider.MAX_COUNT);
        registerProvider(new PatientResourceProvider(patients, identifierTypes));
        registerProvider(new CoverageResourceProvider(coverages));
        registerProvider(new ScheduleResourceProvider(schedules));
        registerProvider(new SlotResourceProvider(schedules));
        registerProvider(new AppointmentResourceProvider(appointments, schedules));
        registerProvider(new EncounterResourceProvider(encounters));
        registerProvider(new LocationResourceProvider(locations));
        registerProvider(new ObservationResourceProvider(vitals));
        registerProvider(new MedicationRequestResourceProvider(orders));
        registerProvider(new ServiceRequestResourceProvider(orders));
        registerProvider(new DocumentReferenceResourceProvider(notes));
        registerInterceptor(new FhirExceptionInterceptor(audit, this::requestId));
        registerInterceptor(new SecurityInCapabilityStatement());
    }

    /** The request id the audit trail records, so that a log line can be matched with audit events. */
    private String requestId(RequestDetails request) {
        if (requestContext == null) {
            return null;
        }
        try {
            return requestContext.getRequestId();
        } catch (ContextNotActiveException noRequestScope) {
            return null;
        }
    }

    /** Tells clients in the CapabilityStatement that they need an OAuth bearer token. */
    @Interceptor
    public static class SecurityInCapabilityStatement {
        @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
        public void addSecurity(IBaseConformance statement) {
            if (statement instanceof CapabilityStatement cs) {
                for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
                    rest.getSecurity()
                            .setCors(false)
                            .setDescription("OAuth 2.0 bearer tokens issued by the hospital's Keycloak realm"
                                    + " (client credentials for systems); roles decide what a caller may do."
                                    + " Only this statement is served without a token.")
                            .addService(new CodeableConcept().addCoding(new Coding(
                                    "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth",
                                    "OAuth")));
                }
            }
        }
    }
}
