package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.shared.PatientPage;
import org.asclepius.hms.shared.TimeFormat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;

/**
 * Signed clinical notes as DocumentReferences over {@link NoteService} (role, care relationship, audit). Drafts are
 * never exchanged: a search leaves them out and reading one is a 404. Search: {@code patient} (required),
 * {@code type} (LOINC 11506-3 progress note — SOAP and progress notes —, 34117-2 history and physical, 18842-5
 * discharge summary, or a template of {@value FhirHealthRecordMapper#NOTE_TEMPLATE}; another code finds nothing),
 * {@code date} (when signed; prefixes eq, ge, gt, le, lt), newest first, offset paging.
 */
public class DocumentReferenceResourceProvider implements IResourceProvider {
    private final NoteService notes;

    public DocumentReferenceResourceProvider(NoteService notes) {
        this.notes = notes;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        NoteRecord note = notes.find(ScheduleResourceProvider.numericId("DocumentReference", id));
        if (note.signedAt() == null || note.versions().isEmpty()) {
            throw new ResourceNotFoundException("DocumentReference " + id.getIdPart() + " was not found.");
        }
        return FhirHealthRecordMapper.toFhir(note);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @Offset Integer offset,
            @Count Integer count) {
        long patientId = HealthRecordSearch.requiredPatient(patient);
        Set<NoteTemplate> templates = type == null ? null : HealthRecordSearch.values(NoteTemplate.class,
                DocumentReference.SP_TYPE, type, FhirHealthRecordMapper::templates, "a document type (LOINC)");
        FhirDateRange period = FhirDateRange.parse(DocumentReference.SP_DATE, date, TimeFormat.hospitalZone());
        int first = OffsetPage.first(offset);
        int pageSize = OffsetPage.pageSize(count);
        if (templates != null && templates.isEmpty()) {
            return new OffsetPage(List.of(), 0, first, pageSize);
        }
        PatientPage<NoteRecord> page = notes.searchSigned(patientId, templates, period.from(), period.to(), first,
                pageSize);
        return new OffsetPage(page.items().stream().map(n -> (IBaseResource) FhirHealthRecordMapper.toFhir(n))
                .toList(), page.total(), first, pageSize);
    }
}
