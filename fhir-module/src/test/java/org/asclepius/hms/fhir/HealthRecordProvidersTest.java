package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.asclepius.hms.clinical.notes.ClinicalNote;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteService;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderService;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.clinical.vitals.VitalSignService;
import org.asclepius.hms.shared.PatientPage;
import org.hl7.fhir.r4.model.IdType;
import org.junit.jupiter.api.Test;

/**
 * The health record's providers over recording fakes of the services: what a search asks the service for, what
 * finds nothing without asking, what is a 400, and what is never exchanged (drafts, another kind of order).
 */
class HealthRecordProvidersTest {
    static final Instant T = Instant.parse("2030-05-06T09:15:00Z");

    static class Vitals extends VitalSignService {
        final List<Object[]> searches = new ArrayList<>();
        List<ObservationRecord> items = List.of();
        long total;

        @Override
        public PatientPage<ObservationRecord> search(long patientId, Set<VitalSign> kinds, Instant from, Instant to,
                                                     int first, int max) {
            searches.add(new Object[] {patientId, kinds, from, to, first, max});
            return new PatientPage<>(patientId, items, total);
        }
    }

    static class Orders extends OrderService {
        final List<Object[]> searches = new ArrayList<>();
        OrderRecord found;

        @Override
        public PatientPage<OrderRecord> search(long patientId, Set<OrderKind> kinds, Set<OrderStatus> statuses,
                                               boolean signedOnly, int first, int max) {
            searches.add(new Object[] {patientId, kinds, statuses, signedOnly, first, max});
            return new PatientPage<>(patientId, found == null ? List.of() : List.of(found), found == null ? 0 : 1);
        }

        @Override
        public OrderRecord find(long orderId) {
            return found;
        }
    }

    static class Notes extends NoteService {
        final List<Object[]> searches = new ArrayList<>();
        NoteRecord found;

        @Override
        public PatientPage<NoteRecord> searchSigned(long patientId, Set<NoteTemplate> templates, Instant from,
                                                    Instant to, int first, int max) {
            searches.add(new Object[] {patientId, templates, from, to, first, max});
            return new PatientPage<>(patientId, List.of(), 0);
        }

        @Override
        public NoteRecord find(long noteId) {
            return found;
        }
    }

    static TokenOrListParam tokens(String system, String... codes) {
        TokenOrListParam list = new TokenOrListParam();
        for (String code : codes) {
            list.add(new TokenParam(system, code));
        }
        return list;
    }

    static final ReferenceParam PATIENT_42 = new ReferenceParam("Patient/42");

    @Test
    void aSearchWithoutPatient_is400_sayingItIsRequired() {
        Vitals vitals = new Vitals();
        assertThatThrownBy(() -> new ObservationResourceProvider(vitals).search(null, null, null, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'patient' is required");
        assertThatThrownBy(() -> new MedicationRequestResourceProvider(new Orders()).search(null, null, null, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ServiceRequestResourceProvider(new Orders()).search(null, null, null, null,
                null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new DocumentReferenceResourceProvider(new Notes()).search(null, null, null, null,
                null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ObservationResourceProvider(vitals).search(new ReferenceParam("Practitioner/4"),
                null, null, null, null, null)).isInstanceOf(InvalidRequestException.class);
        assertThat(vitals.searches).isEmpty();
    }

    @Test
    void observationSearch_asksForTheCodedVitalSigns_inThePeriod_aPageAtATime() {
        Vitals vitals = new Vitals();
        vitals.total = 45;
        DateRangeParam date = new DateRangeParam(new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS,
                "2030-05-06T00:00:00Z"), new DateParam(ParamPrefixEnum.LESSTHAN, "2030-05-07T00:00:00Z"));

        IBundleProvider page = new ObservationResourceProvider(vitals).search(PATIENT_42,
                tokens("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"),
                tokens("http://loinc.org", "8867-4", "8480-6"), date, 20, 10);

        Object[] asked = vitals.searches.get(0);
        assertThat(asked[0]).isEqualTo(42L);
        assertThat(asked[1]).isEqualTo(EnumSet.of(VitalSign.PULSE, VitalSign.BLOOD_PRESSURE));
        assertThat(asked[2]).isEqualTo(Instant.parse("2030-05-06T00:00:00Z"));
        assertThat(asked[3]).isEqualTo(Instant.parse("2030-05-07T00:00:00Z"));
        assertThat(asked[4]).isEqualTo(20);
        assertThat(asked[5]).isEqualTo(10);
        assertThat(page.size()).isEqualTo(45);
        assertThat(page.getNextPageId()).isNotNull();
    }

    @Test
    void observationSearch_ofAnotherCategoryOrCode_findsNothing_withoutAskingTheService() {
        Vitals vitals = new Vitals();
        ObservationResourceProvider provider = new ObservationResourceProvider(vitals);

        assertThat(provider.search(PATIENT_42, tokens(null, "laboratory"), null, null, null, null).size()).isZero();
        assertThat(provider.search(PATIENT_42, null, tokens("http://loinc.org", "2345-7"), null, null, null).size())
                .isZero();
        assertThat(provider.search(PATIENT_42, null, tokens("http://snomed.info/sct", "8867-4"), null, null, null)
                .size()).isZero();
        // a category and a code that exclude each other
        assertThat(provider.search(PATIENT_42, tokens(null, "exam"), tokens(null, "8867-4"), null, null, null)
                .size()).isZero();
        assertThat(vitals.searches).isEmpty();

        provider.search(PATIENT_42, null, null, null, null, null);
        assertThat(vitals.searches.get(0)[1]).as("no code: all vital signs").isNull();
    }

    @Test
    void observationSearch_refusesAnUnknownCategoryAndModifiers() {
        ObservationResourceProvider provider = new ObservationResourceProvider(new Vitals());
        assertThatThrownBy(() -> provider.search(PATIENT_42, tokens(null, "vitals"), null, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'category'")
                .hasMessageContaining("'vitals'");
        assertThatThrownBy(() -> provider.search(PATIENT_42, tokens("http://loinc.org", "vital-signs"), null, null,
                null, null)).isInstanceOf(InvalidRequestException.class);
        TokenOrListParam negated = new TokenOrListParam().add(new TokenParam(null, "8867-4")
                .setModifier(TokenParamModifier.NOT));
        assertThatThrownBy(() -> provider.search(PATIENT_42, null, negated, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("modifiers");
        assertThatThrownBy(() -> provider.search(PATIENT_42, null, null, new DateRangeParam(
                new DateParam(ParamPrefixEnum.STARTS_AFTER, "2030-01-01")), null, null))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void medicationRequestSearch_asksForSignedMedicationOrders_ofTheStatuses() {
        Orders orders = new Orders();
        MedicationRequestResourceProvider provider = new MedicationRequestResourceProvider(orders);

        provider.search(PATIENT_42, tokens(null, "active", "completed"), null, null);

        Object[] asked = orders.searches.get(0);
        assertThat(asked[1]).isEqualTo(EnumSet.of(OrderKind.MEDICATION));
        assertThat(asked[2]).isEqualTo(EnumSet.of(OrderStatus.SIGNED, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED));
        assertThat(asked[3]).as("signed only").isEqualTo(true);
        assertThat(provider.search(PATIENT_42, tokens(null, "on-hold"), null, null).size()).isZero();
        assertThat(orders.searches).hasSize(1);
        assertThatThrownBy(() -> provider.search(PATIENT_42, tokens(null, "signed"), null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'status'");
    }

    @Test
    void serviceRequestSearch_asksForLabAndImaging_orTheCategory_draftsIncluded() {
        Orders orders = new Orders();
        ServiceRequestResourceProvider provider = new ServiceRequestResourceProvider(orders);

        provider.search(PATIENT_42, null, null, null, null);
        provider.search(PATIENT_42, tokens(null, "revoked"), tokens("http://snomed.info/sct", "363679005"), null,
                null);

        assertThat(orders.searches.get(0)[1]).isEqualTo(EnumSet.of(OrderKind.LAB, OrderKind.IMAGING));
        assertThat(orders.searches.get(0)[2]).isNull();
        assertThat(orders.searches.get(0)[3]).isEqualTo(false);
        assertThat(orders.searches.get(1)[1]).isEqualTo(EnumSet.of(OrderKind.IMAGING));
        assertThat(orders.searches.get(1)[2]).isEqualTo(EnumSet.of(OrderStatus.CANCELLED));
        assertThat(provider.search(PATIENT_42, null, tokens(null, "12345"), null, null).size()).isZero();
        assertThat(orders.searches).hasSize(2);
    }

    @Test
    void documentReferenceSearch_asksForSignedNotesOfTheTemplates() {
        Notes notes = new Notes();
        DocumentReferenceResourceProvider provider = new DocumentReferenceResourceProvider(notes);

        provider.search(PATIENT_42, tokens("http://loinc.org", "18842-5"), null, null, null);
        assertThat(notes.searches.get(0)[1]).isEqualTo(EnumSet.of(NoteTemplate.DISCHARGE_SUMMARY));
        assertThat(provider.search(PATIENT_42, tokens("http://loinc.org", "99999-9"), null, null, null).size())
                .isZero();
        assertThat(notes.searches).hasSize(1);
    }

    @Test
    void reads_neverExchangeADraftNote_anUnsignedPrescription_orAnotherKindOfOrder() {
        Notes notes = new Notes();
        notes.found = new NoteRecord(5L, 42L, 77L, NoteTemplate.SOAP, "SOAP note", ClinicalNote.Status.DRAFT,
                "dr.house", new java.util.LinkedHashMap<>(), List.of(), List.of(), null, null, null, T, "dr.house", T,
                0L);
        assertThatThrownBy(() -> new DocumentReferenceResourceProvider(notes).read(new IdType("DocumentReference",
                "5"))).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("DocumentReference 5");

        Orders orders = new Orders();
        orders.found = FhirHealthRecordMapperTest.order(OrderKind.MEDICATION, FhirHealthRecordMapperTest.LISINOPRIL,
                OrderStatus.DRAFT, null);
        assertThatThrownBy(() -> new MedicationRequestResourceProvider(orders).read(new IdType("MedicationRequest",
                "900"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> new ServiceRequestResourceProvider(orders).read(new IdType("ServiceRequest", "900")))
                .isInstanceOf(ResourceNotFoundException.class);

        orders.found = FhirHealthRecordMapperTest.order(OrderKind.LAB, FhirHealthRecordMapperTest.CBC,
                OrderStatus.SIGNED, "dr.house");
        assertThatThrownBy(() -> new MedicationRequestResourceProvider(orders).read(new IdType("MedicationRequest",
                "900"))).isInstanceOf(ResourceNotFoundException.class);
        assertThat(new ServiceRequestResourceProvider(orders).read(new IdType("ServiceRequest", "900")).getStatus()
                .toCode()).isEqualTo("active");
        assertThatThrownBy(() -> new ObservationResourceProvider(new Vitals()).read(new IdType("Observation", "abc")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
