package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.PatientPage;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Lab and imaging orders as ServiceRequests over {@link OrderService} (role, care relationship, audit), drafts
 * included (status draft: not yet actionable). Search: {@code patient} (required), {@code status} (comma = or; a
 * valid status the hospital never uses finds nothing), {@code category} (SNOMED CT 108252007 laboratory procedure,
 * 363679005 imaging; another code finds nothing), newest first, offset paging.
 */
public class ServiceRequestResourceProvider implements IResourceProvider {
    private static final Set<OrderKind> SERVICES = EnumSet.of(OrderKind.LAB, OrderKind.IMAGING);

    private final OrderService orders;

    public ServiceRequestResourceProvider(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return ServiceRequest.class;
    }

    @Read
    public ServiceRequest read(@IdParam IdType id) {
        OrderRecord order = orders.find(ScheduleResourceProvider.numericId("ServiceRequest", id));
        if (!SERVICES.contains(order.kind())) {
            throw new ResourceNotFoundException("ServiceRequest " + id.getIdPart() + " was not found.");
        }
        return FhirHealthRecordMapper.toServiceRequest(order);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = ServiceRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = ServiceRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = ServiceRequest.SP_CATEGORY) TokenOrListParam category,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<OrderStatus> statuses = status == null ? null : HealthRecordSearch.values(OrderStatus.class,
                ServiceRequest.SP_STATUS, status, ServiceRequestResourceProvider::statuses,
                "a ServiceRequest status (draft, active, revoked, completed, entered-in-error, …)");
        Set<OrderKind> kinds = category == null ? SERVICES : HealthRecordSearch.values(OrderKind.class,
                ServiceRequest.SP_CATEGORY, category, ServiceRequestResourceProvider::kinds,
                "a category code (SNOMED CT 108252007 or 363679005)");
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if ((statuses != null && statuses.isEmpty()) || kinds.isEmpty()) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        PatientPage<OrderRecord> page = orders.search(patientId, kinds, statuses, false, first, pageSize);
        return new OffsetPage(page.items().stream()
                .map(o -> (IBaseResource) FhirHealthRecordMapper.toServiceRequest(o)).toList(),
                page.total(), first, pageSize);
    }

    static Set<OrderStatus> statuses(String system, String code) {
        ServiceRequest.ServiceRequestStatus fhir;
        try {
            fhir = ServiceRequest.ServiceRequestStatus.fromCode(code);
        } catch (FHIRException unknown) {
            return null;
        }
        return fhir == null || fhir == ServiceRequest.ServiceRequestStatus.NULL ? null
                : FhirHealthRecordMapper.serviceRequestStatuses(fhir);
    }

    /** A SNOMED CT category (or a code without system): lab or imaging; another code or system: none. */
    static Set<OrderKind> kinds(String system, String code) {
        OrderKind kind = system == null || CodeSystems.SNOMED.equals(system) ? FhirHealthRecordMapper.orderKind(code)
                : null;
        return kind == null ? EnumSet.noneOf(OrderKind.class) : EnumSet.of(kind);
    }
}
