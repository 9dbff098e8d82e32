package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.asclepius.hms.clinical.notes.ClinicalNote;
import org.asclepius.hms.clinical.notes.ClinicalNoteVersion;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderPriority;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FhirHealthRecordMapperTest {
    static final Instant TAKEN = Instant.parse("2030-05-06T09:15:00Z");
    static final Instant RECORDED = Instant.parse("2030-05-06T09:20:00Z");
    static final Instant SIGNED = Instant.parse("2030-05-06T11:00:00Z");
    static final Instant AMENDED = Instant.parse("2030-05-07T08:30:00Z");
    static final FhirContext FHIR = FhirContext.forR4Cached();

    static ObservationRecord vital(VitalSign kind, String value, String second,
                                   org.asclepius.hms.clinical.vitals.Observation.Status status, String reason) {
        return new ObservationRecord(501L, 42L, 77L, 500L, kind, new BigDecimal(value),
                second == null ? null : new BigDecimal(second), kind.ucum(), kind == VitalSign.BMI, TAKEN, status,
                reason, "nurse.jones", RECORDED, 2L);
    }

    static ObservationRecord vital(VitalSign kind, String value) {
        return vital(kind, value, null, org.asclepius.hms.clinical.vitals.Observation.Status.FINAL, null);
    }

    static OrderRecord order(OrderKind kind, Code code, OrderStatus status, String signedBy) {
        boolean medication = kind == OrderKind.MEDICATION;
        return new OrderRecord(900L, 42L, 77L, kind, code, OrderPriority.URGENT, "Hypertension",
                medication ? "Take in the morning" : "Fasting", medication ? "1 tablet" : null,
                medication ? "oral" : null, medication ? "once daily" : null, medication ? 30 : null, status,
                "nurse.jones", TAKEN, signedBy, signedBy == null ? null : SIGNED,
                status == OrderStatus.CANCELLED ? "Cough: switching to losartan" : null, List.of(), 4L);
    }

    static final Code LISINOPRIL = new Code(CodeSystems.RXNORM, "314076", "lisinopril 10 MG Oral Tablet");
    static final Code CBC = new Code(CodeSystems.LOINC, "58410-2", "CBC panel - Blood by Automated count");
    static final Code CHEST_XRAY = new Code(CodeSystems.LOCAL_ORDERABLE, "XR-CHEST-2V", "Chest X-ray, 2 views");

    static LinkedHashMap<String, String> sections(String... pairs) {
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static NoteRecord note(NoteTemplate template, ClinicalNote.Status status) {
        var original = new NoteRecord.VersionRecord(1, ClinicalNoteVersion.Kind.ORIGINAL,
                sections("Subjective", "Breathless for 3 days", "Assessment", "Likely CHF"), null, "dr.house", SIGNED);
        var addendum = new NoteRecord.VersionRecord(2, ClinicalNoteVersion.Kind.ADDENDUM,
                sections("Addendum", "Weight 78 kg — ödema improving"), null, "nurse.jones", AMENDED);
        return new NoteRecord(300L, 42L, 77L, template, "Medicine review", status, "dr.house",
                sections("Subjective", "Breathless for 3 days", "Assessment", "Likely CHF"), List.of(addendum),
                List.of(original, addendum), "dr.house", SIGNED,
                status == ClinicalNote.Status.ENTERED_IN_ERROR ? "Wrong patient" : null, TAKEN, "nurse.jones",
                AMENDED, 5L);
    }

    // ---------------------------------------------------------------- Observation

    @Test
    void heartRate_isAVitalSignsObservation_withLoincCodeUcumQuantityAndProfiles() {
        Observation o = FhirHealthRecordMapper.toFhir(vital(VitalSign.PULSE, "88.00"));

        assertThat(o.getIdElement().getIdPart()).isEqualTo("501");
        assertThat(o.getMeta().getVersionId()).isEqualTo("2");
        assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(
                "http://hl7.org/fhir/StructureDefinition/vitalsigns", "http://hl7.org/fhir/StructureDefinition/heartrate");
        assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.FINAL);
        Coding category = o.getCategoryFirstRep().getCodingFirstRep();
        assertThat(category.getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/observation-category");
        assertThat(category.getCode()).isEqualTo("vital-signs");
        assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4");
        Quantity q = o.getValueQuantity();
        assertThat(q.getValue()).isEqualByComparingTo("88");
        assertThat(q.getValue().scale()).isZero();
        assertThat(q.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(q.getCode()).isEqualTo("/min");
        assertThat(o.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(o.getEncounter().getReference()).isEqualTo("Encounter/77");
        assertThat(o.getEffectiveDateTimeType().getValue()).isEqualTo(Date.from(TAKEN));
        assertThat(o.getIssued()).isEqualTo(Date.from(RECORDED));
        assertThat(o.getPerformerFirstRep().getDisplay()).isEqualTo("nurse.jones");
        assertThat(o.getPerformerFirstRep().hasReference()).isFalse();
        assertThat(o.hasComponent()).isFalse();
    }

    @Test
    void bloodPressure_isThePanel_withSystolicAndDiastolicComponents_andNoValueOfItsOwn() {
        Observation o = FhirHealthRecordMapper.toFhir(vital(VitalSign.BLOOD_PRESSURE, "132.00", "84.00",
                org.asclepius.hms.clinical.vitals.Observation.Status.FINAL, null));

        assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue())
                .contains("http://hl7.org/fhir/StructureDefinition/bp");
        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("85354-9");
        assertThat(o.hasValue()).isFalse();
        assertThat(o.getComponent()).hasSize(2);
        assertThat(o.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("8480-6", "8462-4");
        assertThat(o.getComponent()).extracting(c -> c.getValueQuantity().getValue().toPlainString())
                .containsExactly("132", "84");
        assertThat(o.getComponent()).extracting(c -> c.getValueQuantity().getCode()).containsOnly("mm[Hg]");
        assertThat(o.getComponent()).extracting(c -> c.getValueQuantity().getSystem())
                .containsOnly("http://unitsofmeasure.org");
    }

    @ParameterizedTest
    @CsvSource({
            "TEMPERATURE, 37.20, 8310-5, Cel, 37.2, bodytemp",
            "RESPIRATION, 16.00, 9279-1, /min, 16, resprate",
            "SPO2, 97.00, 59408-5, %, 97, oxygensat",
            "WEIGHT, 80.00, 29463-7, kg, 80.0, bodyweight",
            "HEIGHT, 180.00, 8302-2, cm, 180.0, bodyheight",
            "BMI, 24.70, 39156-5, kg/m2, 24.7, bmi",
            "PAIN, 2.00, 72514-3, {score}, 2, ''"})
    void eachVitalSign_hasItsCodeUnitScaleAndProfile(VitalSign kind, String value, String loinc, String ucum,
                                                     String shown, String profile) {
        Observation o = FhirHealthRecordMapper.toFhir(vital(kind, value));

        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo(loinc);
        assertThat(o.getValueQuantity().getCode()).isEqualTo(ucum);
        assertThat(o.getValueQuantity().getValue().toPlainString()).isEqualTo(shown);
        if (profile.isEmpty()) {
            assertThat(o.getMeta().getProfile()).hasSize(1);
        } else {
            assertThat(o.getMeta().getProfile()).extracting(p -> p.getValue())
                    .contains("http://hl7.org/fhir/StructureDefinition/" + profile);
        }
    }

    @Test
    void spo2_alsoCarriesTheArterialSaturationCode_theOxygensatProfileRequires() {
        Observation o = FhirHealthRecordMapper.toFhir(vital(VitalSign.SPO2, "97"));
        assertThat(o.getCode().getCoding()).extracting(Coding::getCode).containsExactly("59408-5", "2708-6");
    }

    @Test
    void derivedBmi_saysHowItWasObtained() {
        assertThat(FhirHealthRecordMapper.toFhir(vital(VitalSign.BMI, "24.7")).getMethod().getText())
                .contains("weight and the height");
        assertThat(FhirHealthRecordMapper.toFhir(vital(VitalSign.WEIGHT, "80")).hasMethod()).isFalse();
    }

    @Test
    void enteredInError_isItsStatus_withTheReasonAsANote() {
        Observation o = FhirHealthRecordMapper.toFhir(vital(VitalSign.TEMPERATURE, "38.4", null,
                org.asclepius.hms.clinical.vitals.Observation.Status.ENTERED_IN_ERROR, "Thermometer of the next bed"));
        assertThat(o.getStatus()).isEqualTo(Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(o.getNoteFirstRep().getText()).isEqualTo("Entered in error: Thermometer of the next bed");
    }

    @Test
    void searchCodes_findTheVitalSign_aBloodPressureComponentFindsThePanel() {
        assertThat(FhirHealthRecordMapper.vitalSigns("8867-4")).containsExactly(VitalSign.PULSE);
        assertThat(FhirHealthRecordMapper.vitalSigns("8480-6")).containsExactly(VitalSign.BLOOD_PRESSURE);
        assertThat(FhirHealthRecordMapper.vitalSigns("85354-9")).containsExactly(VitalSign.BLOOD_PRESSURE);
        assertThat(FhirHealthRecordMapper.vitalSigns("2708-6")).containsExactly(VitalSign.SPO2);
        assertThat(FhirHealthRecordMapper.vitalSigns("2345-7")).isEmpty();
    }

    @Test
    void everyVitalSign_survivesTheJsonParser() {
        for (VitalSign kind : VitalSign.values()) {
            ObservationRecord r = kind == VitalSign.BLOOD_PRESSURE
                    ? vital(kind, "120", "80", org.asclepius.hms.clinical.vitals.Observation.Status.FINAL, null)
                    : vital(kind, "5");
            String json = FHIR.newJsonParser().encodeResourceToString(FhirHealthRecordMapper.toFhir(r));
            Observation back = FHIR.newJsonParser().parseResource(Observation.class, json);
            assertThat(back.getCode().getCodingFirstRep().getCode()).as(kind.name()).isEqualTo(kind.loinc());
            assertThat(json).contains("\"effectiveDateTime\":\"2030-05-06T09:15:00Z\"");
        }
    }

    // ---------------------------------------------------------------- MedicationRequest

    @Test
    void signedPrescription_isAnActiveMedicationRequestOrder_withRxNormDosageAndSupply() {
        MedicationRequest m = FhirHealthRecordMapper.toMedicationRequest(order(OrderKind.MEDICATION, LISINOPRIL,
                OrderStatus.SIGNED, "dr.house"));

        assertThat(m.getIdElement().getIdPart()).isEqualTo("900");
        assertThat(m.getMeta().getVersionId()).isEqualTo("4");
        assertThat(m.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(m.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(m.getPriority()).isEqualTo(MedicationRequest.MedicationRequestPriority.URGENT);
        Coding drug = m.getMedicationCodeableConcept().getCodingFirstRep();
        assertThat(drug.getSystem()).isEqualTo("http://www.nlm.nih.gov/research/umls/rxnorm");
        assertThat(drug.getCode()).isEqualTo("314076");
        assertThat(drug.getDisplay()).isEqualTo("lisinopril 10 MG Oral Tablet");
        assertThat(m.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(m.getEncounter().getReference()).isEqualTo("Encounter/77");
        assertThat(m.getAuthoredOn()).isEqualTo(Date.from(TAKEN));
        assertThat(m.getRequester().getDisplay()).as("the prescriber who signed").isEqualTo("dr.house");
        assertThat(m.getRecorder().getDisplay()).as("who entered it").isEqualTo("nurse.jones");
        assertThat(m.getReasonCodeFirstRep().getText()).isEqualTo("Hypertension");
        assertThat(m.getNoteFirstRep().getText()).isEqualTo("Take in the morning");
        assertThat(m.getDosageInstructionFirstRep().getText()).isEqualTo("1 tablet, oral, once daily");
        assertThat(m.getDosageInstructionFirstRep().getRoute().getText()).isEqualTo("oral");
        var supply = m.getDispenseRequest().getExpectedSupplyDuration();
        assertThat(supply.getValue()).isEqualByComparingTo("30");
        assertThat(supply.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(supply.getCode()).isEqualTo("d");
        assertThat(m.hasStatusReason()).isFalse();
    }

    @Test
    void cancelledPrescription_carriesTheReason_andNoSupplyWithoutADuration() {
        OrderRecord cancelled = order(OrderKind.MEDICATION, LISINOPRIL, OrderStatus.CANCELLED, "dr.house");
        MedicationRequest m = FhirHealthRecordMapper.toMedicationRequest(cancelled);
        assertThat(m.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.CANCELLED);
        assertThat(m.getStatusReason().getText()).isEqualTo("Cough: switching to losartan");

        OrderRecord open = new OrderRecord(1L, 2L, 3L, OrderKind.MEDICATION, LISINOPRIL, OrderPriority.ROUTINE, null,
                null, "1 tablet", "oral", "once daily", null, OrderStatus.SIGNED, "dr.house", TAKEN, "dr.house",
                SIGNED, null, List.of(), 0L);
        MedicationRequest m2 = FhirHealthRecordMapper.toMedicationRequest(open);
        assertThat(m2.getDispenseRequest().hasExpectedSupplyDuration()).isFalse();
        assertThat(m2.hasReasonCode()).isFalse();
        assertThat(m2.hasNote()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, draft", "SIGNED, active", "IN_PROGRESS, active", "COMPLETED, completed",
            "CANCELLED, cancelled", "ENTERED_IN_ERROR, entered-in-error"})
    void medicationRequestStatus_followsTheOrder(OrderStatus status, String fhir) {
        assertThat(FhirHealthRecordMapper.medicationRequestStatus(status).toCode()).isEqualTo(fhir);
    }

    @Test
    void medicationRequestStatuses_invertTheMapping_andAnUnusedStatusFindsNothing() {
        assertThat(FhirHealthRecordMapper.medicationRequestStatuses(MedicationRequest.MedicationRequestStatus.ACTIVE))
                .containsExactlyInAnyOrder(OrderStatus.SIGNED, OrderStatus.IN_PROGRESS);
        assertThat(FhirHealthRecordMapper.medicationRequestStatuses(MedicationRequest.MedicationRequestStatus.ONHOLD))
                .isEmpty();
        assertThat(MedicationRequestResourceProvider.statuses(null, "stopped")).isEmpty();
        assertThat(MedicationRequestResourceProvider.statuses(null, "completed"))
                .containsExactly(OrderStatus.COMPLETED);
        assertThat(MedicationRequestResourceProvider.statuses(null, "done")).as("not a status").isNull();
    }

    @Test
    void aLabOrder_isNoMedicationRequest_andAMedicationNoServiceRequest() {
        assertThatThrownBy(() -> FhirHealthRecordMapper.toMedicationRequest(order(OrderKind.LAB, CBC,
                OrderStatus.SIGNED, "dr.house"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FhirHealthRecordMapper.toServiceRequest(order(OrderKind.MEDICATION, LISINOPRIL,
                OrderStatus.SIGNED, "dr.house"))).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- ServiceRequest

    @Test
    void labOrder_isAServiceRequest_withLaboratoryCategoryCodePriorityAndReason() {
        ServiceRequest s = FhirHealthRecordMapper.toServiceRequest(order(OrderKind.LAB, CBC, OrderStatus.IN_PROGRESS,
                "dr.house"));

        assertThat(s.getIdElement().getIdPart()).isEqualTo("900");
        assertThat(s.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(s.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
        Coding category = s.getCategoryFirstRep().getCodingFirstRep();
        assertThat(category.getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(category.getCode()).isEqualTo("108252007");
        assertThat(s.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(s.getCode().getCodingFirstRep().getCode()).isEqualTo("58410-2");
        assertThat(s.getPriority()).isEqualTo(ServiceRequest.ServiceRequestPriority.URGENT);
        assertThat(s.getRequester().getDisplay()).isEqualTo("dr.house");
        assertThat(s.getAuthoredOn()).isEqualTo(Date.from(TAKEN));
        assertThat(s.getReasonCodeFirstRep().getText()).isEqualTo("Hypertension");
        assertThat(s.getNoteFirstRep().getText()).isEqualTo("Fasting");
        assertThat(s.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(s.getEncounter().getReference()).isEqualTo("Encounter/77");
    }

    @Test
    void imagingOrder_hasTheImagingCategory_andAnUnsignedDraft_isRequestedByWhoEnteredIt() {
        ServiceRequest s = FhirHealthRecordMapper.toServiceRequest(order(OrderKind.IMAGING, CHEST_XRAY,
                OrderStatus.DRAFT, null));
        assertThat(s.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("363679005");
        assertThat(s.getCode().getCodingFirstRep().getSystem()).isEqualTo("urn:asclepius:orderable");
        assertThat(s.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
        assertThat(s.getRequester().getDisplay()).isEqualTo("nurse.jones");
    }

    @ParameterizedTest
    @CsvSource({"DRAFT, draft", "SIGNED, active", "IN_PROGRESS, active", "COMPLETED, completed",
            "CANCELLED, revoked", "ENTERED_IN_ERROR, entered-in-error"})
    void serviceRequestStatus_followsTheOrder(OrderStatus status, String fhir) {
        assertThat(FhirHealthRecordMapper.serviceRequestStatus(status).toCode()).isEqualTo(fhir);
    }

    @ParameterizedTest
    @CsvSource({"ROUTINE, routine", "URGENT, urgent", "STAT, stat"})
    void priorities(OrderPriority priority, String fhir) {
        assertThat(FhirHealthRecordMapper.serviceRequestPriority(priority).toCode()).isEqualTo(fhir);
    }

    @Test
    void serviceRequestSearchValues_mapCategoriesAndStatuses() {
        assertThat(ServiceRequestResourceProvider.kinds("http://snomed.info/sct", "108252007"))
                .containsExactly(OrderKind.LAB);
        assertThat(ServiceRequestResourceProvider.kinds(null, "363679005")).containsExactly(OrderKind.IMAGING);
        assertThat(ServiceRequestResourceProvider.kinds("http://loinc.org", "108252007")).isEmpty();
        assertThat(ServiceRequestResourceProvider.kinds(null, "12345")).isEmpty();
        assertThat(ServiceRequestResourceProvider.statuses(null, "revoked")).containsExactly(OrderStatus.CANCELLED);
        assertThat(ServiceRequestResourceProvider.statuses(null, "on-hold")).isEmpty();
        assertThat(ServiceRequestResourceProvider.statuses(null, "cancelled")).as("not a ServiceRequest status")
                .isNull();
    }

    @Test
    void cancelledLabOrder_isRevoked_withTheReasonAsANote() {
        ServiceRequest s = FhirHealthRecordMapper.toServiceRequest(order(OrderKind.LAB, CBC, OrderStatus.CANCELLED,
                "dr.house"));
        assertThat(s.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
        assertThat(s.getNote()).extracting(n -> n.getText()).contains("Cancelled: Cough: switching to losartan");
    }

    // ---------------------------------------------------------------- DocumentReference

    @Test
    void signedNote_isACurrentDocumentReference_withItsTextAsAPlainTextAttachment() throws Exception {
        NoteRecord r = note(NoteTemplate.SOAP, ClinicalNote.Status.SIGNED);
        DocumentReference d = FhirHealthRecordMapper.toFhir(r);

        assertThat(d.getIdElement().getIdPart()).isEqualTo("300");
        assertThat(d.getMeta().getVersionId()).isEqualTo("5");
        assertThat(d.getStatus()).isEqualTo(DocumentReferenceStatus.CURRENT);
        assertThat(d.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
        assertThat(d.getType().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://loinc.org", "11506-3"),
                org.assertj.core.groups.Tuple.tuple("urn:asclepius:note-template", "SOAP"));
        assertThat(d.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(d.getDate()).isEqualTo(Date.from(SIGNED));
        assertThat(d.getAuthorFirstRep().getDisplay()).isEqualTo("dr.house");
        assertThat(d.getAuthenticator().getDisplay()).isEqualTo("dr.house");
        assertThat(d.getDescription()).isEqualTo("Medicine review");
        assertThat(d.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/77");
        var attachment = d.getContentFirstRep().getAttachment();
        assertThat(attachment.getContentType()).isEqualTo("text/plain; charset=UTF-8");
        byte[] text = r.plainText().getBytes(StandardCharsets.UTF_8);
        assertThat(attachment.getData()).isEqualTo(text);
        assertThat(attachment.getSize()).isEqualTo(text.length);
        assertThat(attachment.getHash()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(text));
        assertThat(attachment.getCreation()).as("the latest version").isEqualTo(Date.from(AMENDED));

        // over the wire: base64 data that decodes to the note with its addendum, in UTF-8
        String json = FHIR.newJsonParser().encodeResourceToString(d);
        String data = FHIR.newJsonParser().parseResource(DocumentReference.class, json).getContentFirstRep()
                .getAttachment().getDataElement().getValueAsString();
        String decoded = new String(java.util.Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("Subjective:\nBreathless for 3 days\n\nAssessment:\nLikely CHF")
                .contains("Weight 78 kg — ödema improving");
    }

    @ParameterizedTest
    @CsvSource({"SOAP, 11506-3", "PROGRESS, 11506-3", "ADMISSION, 34117-2", "DISCHARGE_SUMMARY, 18842-5"})
    void noteTemplates_haveTheirLoincDocumentType(NoteTemplate template, String loinc) {
        DocumentReference d = FhirHealthRecordMapper.toFhir(note(template, ClinicalNote.Status.SIGNED));
        assertThat(d.getType().getCodingFirstRep().getCode()).isEqualTo(loinc);
        assertThat(d.getType().getText()).isEqualTo(template.label());
        assertThat(FhirHealthRecordMapper.templates("http://loinc.org", loinc)).contains(template);
        assertThat(FhirHealthRecordMapper.templates(null, template.name())).containsExactly(template);
    }

    @Test
    void typeSearch_progressNoteFindsSoapAndProgress_anotherCodeNothing() {
        assertThat(FhirHealthRecordMapper.templates(null, "11506-3"))
                .isEqualTo(EnumSet.of(NoteTemplate.SOAP, NoteTemplate.PROGRESS));
        assertThat(FhirHealthRecordMapper.templates("http://snomed.info/sct", "11506-3")).isEmpty();
        assertThat(FhirHealthRecordMapper.templates(null, "99999-9")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ClinicalNote.Status.class)
    void docStatus_followsTheNote(ClinicalNote.Status status) {
        String expected = switch (status) {
            case DRAFT -> "preliminary";
            case SIGNED -> "final";
            case AMENDED -> "amended";
            case ENTERED_IN_ERROR -> "entered-in-error";
        };
        assertThat(FhirHealthRecordMapper.docStatus(status).toCode()).isEqualTo(expected);
    }

    @Test
    void noteEnteredInError_isEnteredInError_withTheReason() {
        DocumentReference d = FhirHealthRecordMapper.toFhir(note(NoteTemplate.PROGRESS,
                ClinicalNote.Status.ENTERED_IN_ERROR));
        assertThat(d.getStatus()).isEqualTo(DocumentReferenceStatus.ENTEREDINERROR);
        assertThat(d.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.ENTEREDINERROR);
        assertThat(d.getDescription()).contains("Wrong patient");
        assertThat(FhirHealthRecordMapper.toFhir(note(NoteTemplate.PROGRESS, ClinicalNote.Status.AMENDED))
                .getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.AMENDED);
    }

    @Test
    void aDraft_isNeverMadeADocument() {
        NoteRecord draft = new NoteRecord(301L, 42L, 77L, NoteTemplate.SOAP, "SOAP note", ClinicalNote.Status.DRAFT,
                "dr.house", sections("Subjective", "unfinished"), List.of(), List.of(), null, null, null, TAKEN,
                "dr.house", TAKEN, 0L);
        assertThatThrownBy(() -> FhirHealthRecordMapper.toFhir(draft)).isInstanceOf(IllegalArgumentException.class);
    }
}
