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
import org.asclepius.hms.shared.PatientPage;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;

/**
 * Prescriptions as MedicationRequests over {@link OrderService} (role, care relationship, audit): the medication
 * orders that were signed — a draft (or a draft discarded before signing) is no prescription and is not exchanged
 * (its id reads as 404). Search: {@code patient} (required), {@code status} (comma = or; a valid status the
 * hospital never uses finds nothing), newest first, offset paging.
 */
public class MedicationRequestResourceProvider implements IResourceProvider {
    private final OrderService orders;

    public MedicationRequestResourceProvider(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        OrderRecord order = orders.find(ScheduleResourceProvider.numericId("MedicationRequest", id));
        if (order.kind() != OrderKind.MEDICATION || order.signedAt() == null) {
            throw new ResourceNotFoundException("MedicationRequest " + id.getIdPart() + " was not found.");
        }
        return FhirHealthRecordMapper.toMedicationRequest(order);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenOrListParam status,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<OrderStatus> statuses = status == null ? null : HealthRecordSearch.values(OrderStatus.class,
                MedicationRequest.SP_STATUS, status, MedicationRequestResourceProvider::statuses,
                "a MedicationRequest status (active, completed, cancelled, entered-in-error, …)");
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if (statuses != null && statuses.isEmpty()) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        PatientPage<OrderRecord> page = orders.search(patientId, EnumSet.of(OrderKind.MEDICATION), statuses, true,
                first, pageSize);
        return new OffsetPage(page.items().stream()
                .map(o -> (IBaseResource) FhirHealthRecordMapper.toMedicationRequest(o)).toList(),
                page.total(), first, pageSize);
    }

    static Set<OrderStatus> statuses(String system, String code) {
        MedicationRequest.MedicationRequestStatus fhir;
        try {
            fhir = MedicationRequest.MedicationRequestStatus.fromCode(code);
        } catch (FHIRException unknown) {
            return null;
        }
        return fhir == null || fhir == MedicationRequest.MedicationRequestStatus.NULL ? null
                : FhirHealthRecordMapper.medicationRequestStatuses(fhir);
    }
}
