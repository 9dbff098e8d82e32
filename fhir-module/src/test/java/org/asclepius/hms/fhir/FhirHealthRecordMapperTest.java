package org.asclepius.hms.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import org.asclepius.hms.clinical.allergies.Allergy;
import org.asclepius.hms.clinical.allergies.AllergyRecord;
import org.asclepius.hms.clinical.notes.ClinicalNote;
import org.asclepius.hms.clinical.notes.ClinicalNoteVersion;
import org.asclepius.hms.clinical.notes.NoteRecord;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.orders.OrderPriority;
import org.asclepius.hms.clinical.orders.OrderRecord;
import org.asclepius.hms.clinical.orders.OrderStatus;
import org.asclepius.hms.clinical.problems.ClinicalStatus;
import org.asclepius.hms.clinical.problems.ConditionCategory;
import org.asclepius.hms.clinical.problems.ConditionRecord;
import org.asclepius.hms.clinical.problems.DiagnosisRank;
import org.asclepius.hms.clinical.problems.Verification;
import org.asclepius.hms.clinical.vitals.ObservationRecord;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
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

    // ---------------------------------------------------------------- Condition

    static final Code DIABETES = new Code(CodeSystems.ICD10CM, "E11.9", "Type 2 diabetes mellitus without complications");
    static final Code COPD = new Code(CodeSystems.ICD10CM, "J44.9", "Chronic obstructive pulmonary disease, unspecified");
    static final Code HYPERTENSION_SNOMED = new Code(CodeSystems.SNOMED, "59621000", "Essential hypertension (disorder)");

    static ConditionRecord condition(ConditionCategory category, Long encounterId, Code code, String mapped,
                                     ClinicalStatus status, LocalDate abatement, Verification verification,
                                     DiagnosisRank rank, String errorReason) {
        return new ConditionRecord(600L, 42L, encounterId, category, code, mapped, LocalDate.of(2015, 6, 1),
                abatement, status, verification, rank, category == ConditionCategory.PROBLEM ? "Diet and metformin"
                : null, errorReason, "nurse.jones", RECORDED, 3L);
    }

    static ConditionRecord problem(Code code) {
        return condition(ConditionCategory.PROBLEM, null, code, null, ClinicalStatus.ACTIVE, null,
                Verification.CONFIRMED, null, null);
    }

    private static String codeOf(CodeableConcept concept, String system) {
        return concept.getCoding().stream().filter(c -> system.equals(c.getSystem())).map(Coding::getCode)
                .findFirst().orElse(null);
    }

    @Test
    void icd10Problem_isAProblemListItem_withStatusesCodeOnsetAndRecorder() {
        Condition c = FhirHealthRecordMapper.toFhir(problem(DIABETES));

        assertThat(c.getIdElement().getIdPart()).isEqualTo("600");
        assertThat(c.getMeta().getVersionId()).isEqualTo("3");
        assertThat(c.getClinicalStatus().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://terminology.hl7.org/CodeSystem/condition-clinical",
                        "active"));
        assertThat(c.getVerificationStatus().getCoding()).extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"));
        assertThat(c.getCategory()).hasSize(1);
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/condition-category");
        assertThat(c.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
        assertThat(c.getCode().getCoding()).hasSize(1);
        Coding code = c.getCode().getCodingFirstRep();
        assertThat(code.getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
        assertThat(code.getCode()).isEqualTo("E11.9");
        assertThat(code.getDisplay()).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(c.getCode().getText()).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(c.getSubject().getReference()).isEqualTo("Patient/42");
        assertThat(c.hasEncounter()).as("a problem belongs to no encounter").isFalse();
        assertThat(c.getOnsetDateTimeType().getValueAsString()).isEqualTo("2015-06-01");
        assertThat(c.getOnsetDateTimeType().getPrecision()).isEqualTo(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
        assertThat(c.hasAbatement()).isFalse();
        assertThat(c.getRecordedDate()).isEqualTo(Date.from(RECORDED));
        assertThat(c.getRecorder().getDisplay()).isEqualTo("nurse.jones");
        assertThat(c.getNoteFirstRep().getText()).isEqualTo("Diet and metformin");
        assertThat(c.getExtension()).as("a problem has no rank").isEmpty();
    }

    @Test
    void encounterDiagnoses_areEncounterDiagnoses_ofTheirEncounter_withTheRankInTheHospitalsExtension() {
        Condition primary = FhirHealthRecordMapper.toFhir(condition(ConditionCategory.DIAGNOSIS, 77L, COPD, null,
                ClinicalStatus.ACTIVE, null, Verification.PROVISIONAL, DiagnosisRank.PRIMARY, null));
        Condition secondary = FhirHealthRecordMapper.toFhir(condition(ConditionCategory.DIAGNOSIS, 77L, DIABETES,
                null, ClinicalStatus.ACTIVE, null, Verification.CONFIRMED, DiagnosisRank.SECONDARY, null));

        assertThat(primary.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("encounter-diagnosis");
        assertThat(primary.getEncounter().getReference()).isEqualTo("Encounter/77");
        assertThat(primary.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("provisional");
        assertThat(primary.getExtensionByUrl("urn:asclepius:fhir:diagnosis-rank").getValue())
                .isInstanceOfSatisfying(CodeType.class, v -> assertThat(v.getValue()).isEqualTo("primary"));
        assertThat(((CodeType) secondary.getExtensionByUrl(FhirHealthRecordMapper.DIAGNOSIS_RANK).getValue())
                .getValue()).isEqualTo("secondary");
        assertThat(primary.getExtension()).hasSize(1);
    }

    @Test
    void snomedCondition_keepsItsCode_andCarriesItsIcd10CmMapAsASecondCoding() {
        Condition mapped = FhirHealthRecordMapper.toFhir(condition(ConditionCategory.PROBLEM, null,
                HYPERTENSION_SNOMED, "I10", ClinicalStatus.RESOLVED, LocalDate.of(2020, 1, 31),
                Verification.CONFIRMED, null, null));

        assertThat(mapped.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "59621000"),
                org.assertj.core.groups.Tuple.tuple("http://hl7.org/fhir/sid/icd-10-cm", "I10"));
        assertThat(mapped.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Essential hypertension (disorder)");
        assertThat(mapped.getCode().getText()).isEqualTo("Essential hypertension (disorder)");
        assertThat(mapped.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(mapped.getAbatementDateTimeType().getValueAsString()).isEqualTo("2020-01-31");

        Condition unmapped = FhirHealthRecordMapper.toFhir(problem(new Code(CodeSystems.SNOMED, "160903007",
                "Full-time employment (finding)")));
        assertThat(unmapped.getCode().getCoding()).hasSize(1);
        assertThat(codeOf(unmapped.getCode(), CodeSystems.SNOMED)).isEqualTo("160903007");
    }

    @Test
    void conditionEnteredInError_hasNoClinicalStatusNorAbatement_andTheReasonAsANote() {
        Condition c = FhirHealthRecordMapper.toFhir(condition(ConditionCategory.DIAGNOSIS, 77L, COPD, null,
                ClinicalStatus.RESOLVED, LocalDate.of(2030, 5, 6), Verification.ENTERED_IN_ERROR,
                DiagnosisRank.PRIMARY, "Spirometry normal"));

        assertThat(c.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(c.hasClinicalStatus()).as("con-5").isFalse();
        assertThat(c.hasAbatement()).as("con-4 needs a clinical status with an abatement").isFalse();
        assertThat(c.getNote()).extracting(n -> n.getText()).containsExactly("Entered in error: Spirometry normal");
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, active", "RECURRENCE, recurrence", "RELAPSE, relapse", "INACTIVE, inactive",
            "REMISSION, remission", "RESOLVED, resolved"})
    void conditionClinicalStatus_andItsInverse(ClinicalStatus status, String fhir) {
        assertThat(FhirHealthRecordMapper.conditionClinical(status).toCode()).isEqualTo(fhir);
        assertThat(FhirHealthRecordMapper.clinicalStatuses(fhir)).containsExactly(status);
        assertThat(ConditionResourceProvider.statuses("http://terminology.hl7.org/CodeSystem/condition-clinical", fhir))
                .containsExactly(status);
    }

    @ParameterizedTest
    @CsvSource({"UNCONFIRMED, unconfirmed", "PROVISIONAL, provisional", "DIFFERENTIAL, differential",
            "CONFIRMED, confirmed", "REFUTED, refuted", "ENTERED_IN_ERROR, entered-in-error"})
    void conditionVerification_followsTheRecord(Verification verification, String fhir) {
        assertThat(FhirHealthRecordMapper.conditionVerification(verification).toCode()).isEqualTo(fhir);
        assertThat(FhirHealthRecordMapper.conditionVerification(verification).getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/condition-ver-status");
    }

    @Test
    void conditionSearchValues_unknownCodesAreInvalid_anotherSystemFindsNothing() {
        assertThat(ConditionResourceProvider.categories(null, "problem-list-item"))
                .containsExactly(ConditionCategory.PROBLEM);
        assertThat(ConditionResourceProvider.categories("http://terminology.hl7.org/CodeSystem/condition-category",
                "encounter-diagnosis")).containsExactly(ConditionCategory.DIAGNOSIS);
        assertThat(ConditionResourceProvider.categories(null, "health-concern")).as("not R4's").isNull();
        assertThat(ConditionResourceProvider.categories("http://hl7.org/fhir/us/core/CodeSystem/condition-category",
                "health-concern")).isEmpty();
        assertThat(ConditionResourceProvider.statuses(null, "current")).isNull();
        assertThat(ConditionResourceProvider.statuses("http://snomed.info/sct", "active")).isEmpty();
    }

    // ---------------------------------------------------------------- AllergyIntolerance

    static final Code PENICILLIN = new Code(CodeSystems.RXNORM, "7980", "Penicillin G");
    static final Code PEANUT = new Code(CodeSystems.LOCAL_ALLERGEN, "food-peanut", "Peanut");
    static final Code PEANUT_SNOMED = new Code(CodeSystems.SNOMED, "762952008", "Peanut");

    static AllergyRecord allergy(Code allergen, Allergy.Category category, Allergy.Type type, String reaction,
                                 Allergy.Severity severity, Allergy.Status status, Allergy.Verification verification,
                                 String errorReason) {
        return new AllergyRecord(700L, 42L, 77L, allergen, category, type, reaction, severity, status, verification,
                LocalDate.of(2010, 3, 4), "Told by her GP", errorReason, "nurse.jones", RECORDED, 2L);
    }

    @Test
    void drugAllergy_isAMedicationAllergy_withRxNormCodeReactionAndSeverity() {
        AllergyIntolerance a = FhirHealthRecordMapper.toFhir(allergy(PENICILLIN, Allergy.Category.MEDICATION,
                Allergy.Type.ALLERGY, "Anaphylaxis", Allergy.Severity.SEVERE, Allergy.Status.ACTIVE,
                Allergy.Verification.CONFIRMED, null), null);

        assertThat(a.getIdElement().getIdPart()).isEqualTo("700");
        assertThat(a.getMeta().getVersionId()).isEqualTo("2");
        assertThat(a.getClinicalStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical");
        assertThat(a.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(a.getVerificationStatus().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");
        assertThat(a.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(a.getType()).isEqualTo(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        assertThat(a.getCategory()).extracting(c -> c.getValue())
                .containsExactly(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION);
        assertThat(a.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode, Coding::getDisplay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("http://www.nlm.nih.gov/research/umls/rxnorm",
                        "7980", "Penicillin G"));
        assertThat(a.getCode().getText()).isEqualTo("Penicillin G");
        assertThat(a.getPatient().getReference()).isEqualTo("Patient/42");
        assertThat(a.getEncounter().getReference()).isEqualTo("Encounter/77");
        assertThat(a.getOnsetDateTimeType().getValueAsString()).isEqualTo("2010-03-04");
        assertThat(a.getRecordedDate()).isEqualTo(Date.from(RECORDED));
        assertThat(a.getRecorder().getDisplay()).isEqualTo("nurse.jones");
        assertThat(a.getReaction()).hasSize(1);
        assertThat(a.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("Anaphylaxis");
        assertThat(a.getReactionFirstRep().getSeverity())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE);
        assertThat(a.getNote()).extracting(n -> n.getText()).containsExactly("Told by her GP");
        assertThat(a.hasCriticality()).as("not recorded by the hospital").isFalse();
    }

    @Test
    void foodAllergy_fromTheHospitalsList_carriesTheSnomedSubstanceCodeToo() {
        AllergyIntolerance a = FhirHealthRecordMapper.toFhir(allergy(PEANUT, Allergy.Category.FOOD,
                Allergy.Type.ALLERGY, "Hives", Allergy.Severity.MODERATE, Allergy.Status.ACTIVE,
                Allergy.Verification.CONFIRMED, null), PEANUT_SNOMED);

        assertThat(a.getCategory()).extracting(c -> c.getValue())
                .containsExactly(AllergyIntolerance.AllergyIntoleranceCategory.FOOD);
        assertThat(a.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("urn:asclepius:allergen", "food-peanut"),
                org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "762952008"));
        assertThat(a.getReactionFirstRep().getSeverity())
                .isEqualTo(AllergyIntolerance.AllergyIntoleranceSeverity.MODERATE);
    }

    @Test
    void allergyEnteredInError_hasNoClinicalStatus_andTheReasonAsANote() {
        AllergyIntolerance a = FhirHealthRecordMapper.toFhir(allergy(PENICILLIN, Allergy.Category.MEDICATION,
                Allergy.Type.ALLERGY, "Rash", Allergy.Severity.MILD, Allergy.Status.ACTIVE,
                Allergy.Verification.ENTERED_IN_ERROR, "Was the sibling's"), null);

        assertThat(a.hasClinicalStatus()).as("ait-2").isFalse();
        assertThat(a.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("entered-in-error");
        assertThat(a.getNote()).extracting(n -> n.getText())
                .containsExactly("Told by her GP", "Entered in error: Was the sibling's");
    }

    @Test
    void intolerance_withASeverityButNoDescription_saysSo_andNoReactionWithoutEither() {
        AllergyIntolerance a = FhirHealthRecordMapper.toFhir(allergy(PENICILLIN, Allergy.Category.MEDICATION,
                Allergy.Type.INTOLERANCE, null, Allergy.Severity.MILD, Allergy.Status.RESOLVED,
                Allergy.Verification.UNCONFIRMED, null), null);
        assertThat(a.getType()).isEqualTo(AllergyIntolerance.AllergyIntoleranceType.INTOLERANCE);
        assertThat(a.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("resolved");
        assertThat(a.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("unconfirmed");
        assertThat(a.getReactionFirstRep().getManifestationFirstRep().getText()).isEqualTo("Reaction not described");

        AllergyIntolerance bare = FhirHealthRecordMapper.toFhir(allergy(PENICILLIN, Allergy.Category.MEDICATION,
                Allergy.Type.ALLERGY, null, null, Allergy.Status.INACTIVE, Allergy.Verification.REFUTED, null), null);
        assertThat(bare.hasReaction()).isFalse();
        assertThat(bare.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("refuted");
    }

    @Test
    void noKnownAllergies_isAnActiveConfirmedAllergyIntolerance_codedSnomed716186003_withAStableId() {
        AllergyIntolerance a = FhirHealthRecordMapper.noKnownAllergies(42L, "dr.house", SIGNED);

        assertThat(a.getIdElement().getIdPart()).isEqualTo("nka-42");
        assertThat(a.getCode().getCoding()).extracting(Coding::getSystem, Coding::getCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("http://snomed.info/sct", "716186003"));
        assertThat(a.getCode().getText()).isEqualTo("No known allergies");
        assertThat(a.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
        assertThat(a.getVerificationStatus().getCodingFirstRep().getCode()).isEqualTo("confirmed");
        assertThat(a.getPatient().getReference()).isEqualTo("Patient/42");
        assertThat(a.getRecordedDate()).isEqualTo(Date.from(SIGNED));
        assertThat(a.getRecorder().getDisplay()).isEqualTo("dr.house");
        assertThat(a.getMeta().getLastUpdated()).isEqualTo(Date.from(SIGNED));
        assertThat(a.hasCategory()).isFalse();
        assertThat(a.hasReaction()).isFalse();

        assertThat(FhirHealthRecordMapper.noKnownAllergiesPatient("nka-42")).isEqualTo(42L);
        assertThat(FhirHealthRecordMapper.noKnownAllergiesPatient("nka-")).isNull();
        assertThat(FhirHealthRecordMapper.noKnownAllergiesPatient("nka-4x")).isNull();
        assertThat(FhirHealthRecordMapper.noKnownAllergiesPatient("42")).isNull();
    }

    @ParameterizedTest
    @CsvSource({"MEDICATION, medication", "FOOD, food", "ENVIRONMENT, environment", "BIOLOGIC, biologic"})
    void allergyCategory_andItsInverse(Allergy.Category category, String fhir) {
        assertThat(FhirHealthRecordMapper.allergyCategory(category).toCode()).isEqualTo(fhir);
        assertThat(FhirHealthRecordMapper.allergyCategories(fhir)).containsExactly(category);
        assertThat(AllergyIntoleranceResourceProvider.categories("http://hl7.org/fhir/allergy-intolerance-category",
                fhir)).containsExactly(category);
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE, active", "INACTIVE, inactive", "RESOLVED, resolved"})
    void allergyClinicalStatus_andItsInverse(Allergy.Status status, String fhir) {
        assertThat(FhirHealthRecordMapper.allergyClinical(status).toCode()).isEqualTo(fhir);
        assertThat(AllergyIntoleranceResourceProvider.statuses(null, fhir)).containsExactly(status);
    }

    @ParameterizedTest
    @CsvSource({"MILD, mild", "MODERATE, moderate", "SEVERE, severe"})
    void severities(Allergy.Severity severity, String fhir) {
        assertThat(FhirHealthRecordMapper.severity(severity).toCode()).isEqualTo(fhir);
    }

    @Test
    void allergySearchValues_unknownCodesAreInvalid_anotherSystemFindsNothing() {
        assertThat(AllergyIntoleranceResourceProvider.categories(null, "drug")).isNull();
        assertThat(AllergyIntoleranceResourceProvider.categories("http://snomed.info/sct", "food")).isEmpty();
        assertThat(AllergyIntoleranceResourceProvider.statuses(null, "current")).isNull();
        assertThat(AllergyIntoleranceResourceProvider.statuses(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active")).isEmpty();
    }

    @Test
    void conditionsAndAllergies_surviveTheJsonParser() {
        Condition c = FhirHealthRecordMapper.toFhir(condition(ConditionCategory.DIAGNOSIS, 77L, HYPERTENSION_SNOMED,
                "I10", ClinicalStatus.ACTIVE, null, Verification.CONFIRMED, DiagnosisRank.PRIMARY, null));
        String json = FHIR.newJsonParser().encodeResourceToString(c);
        assertThat(json).contains("\"onsetDateTime\":\"2015-06-01\"")
                .contains("\"url\":\"urn:asclepius:fhir:diagnosis-rank\",\"valueCode\":\"primary\"");
        Condition back = FHIR.newJsonParser().parseResource(Condition.class, json);
        assertThat(codeOf(back.getCode(), CodeSystems.ICD10CM)).isEqualTo("I10");
        assertThat(back.getExtensionByUrl(FhirHealthRecordMapper.DIAGNOSIS_RANK).getValue().primitiveValue())
                .isEqualTo("primary");

        AllergyIntolerance a = FhirHealthRecordMapper.toFhir(allergy(PEANUT, Allergy.Category.FOOD,
                Allergy.Type.ALLERGY, "Hives", Allergy.Severity.MODERATE, Allergy.Status.ACTIVE,
                Allergy.Verification.CONFIRMED, null), PEANUT_SNOMED);
        String allergyJson = FHIR.newJsonParser().encodeResourceToString(a);
        assertThat(allergyJson).contains("\"category\":[\"food\"]").contains("\"severity\":\"moderate\"");
        AllergyIntolerance allergyBack = FHIR.newJsonParser().parseResource(AllergyIntolerance.class, allergyJson);
        assertThat(codeOf(allergyBack.getCode(), CodeSystems.SNOMED)).isEqualTo("762952008");
        String nka = FHIR.newJsonParser().encodeResourceToString(FhirHealthRecordMapper.noKnownAllergies(42L,
                "dr.house", SIGNED));
        assertThat(FHIR.newJsonParser().parseResource(AllergyIntolerance.class, nka).getIdElement().getIdPart())
                .isEqualTo("nka-42");
    }
}
