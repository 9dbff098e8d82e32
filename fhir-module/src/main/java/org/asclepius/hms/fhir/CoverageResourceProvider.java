package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.asclepius.hms.patient.coverage.CoverageService;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;

/** Coverage read and search by beneficiary (the patient) over {@link CoverageService}. */
public class CoverageResourceProvider implements IResourceProvider {
    private final CoverageService coverages;

    public CoverageResourceProvider(CoverageService coverages) {
        this.coverages = coverages;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Coverage.class;
    }

    @Read
    public Coverage read(@IdParam IdType id) {
        if (id == null || !id.isIdPartValidLong()) {
            throw new ResourceNotFoundException("Coverage " + (id == null ? "" : id.getIdPart()) + " was not found.");
        }
        return FhirCoverageMapper.toFhir(coverages.get(id.getIdPartAsLong()));
    }

    /** The coverages of one patient: {@code Coverage?beneficiary=Patient/N} (or {@code patient=N}). */
    @Search
    public List<IBaseResource> byBeneficiary(@RequiredParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary) {
        return search(beneficiary);
    }

    @Search
    public List<IBaseResource> byPatient(@RequiredParam(name = Coverage.SP_PATIENT) ReferenceParam patient) {
        return search(patient);
    }

    private List<IBaseResource> search(ReferenceParam reference) {
        String type = reference.getResourceType();
        String id = reference.getIdPart();
        if ((type != null && !"Patient".equals(type)) || id == null || !id.matches("\\d{1,18}")) {
            throw new InvalidRequestException("The beneficiary must be a patient: beneficiary=Patient/<id>");
        }
        return coverages.forPatient(Long.parseLong(id)).stream()
                .map(c -> (IBaseResource) FhirCoverageMapper.toFhir(c)).toList();
    }
}
