package org.asclepius.hms.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asclepius.hms.clinical.notes.ClinicalNote;
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
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Maps the health record to FHIR R4. Pure. One section per resource, each the same shape: {@code toFhir(record)},
 * the status mapping ({@code status(hospital) → FHIR}) and its inverse for searches ({@code …Statuses(FHIR) → the
 * hospital's statuses}, empty for a valid FHIR code the hospital never uses), and the code lookups a search needs.
 * The tables of the mapping are in docs/fhir-health-record.md.
 *
 * <ul>
 *   <li>Observation (vital signs): the R4 vital-signs profile and the specific one of the sign (heartrate, bp,
 *       bmi…), category vital-signs, the LOINC code, valueQuantity in UCUM; blood pressure is the panel 85354-9 with
 *       systolic and diastolic components and no value of its own; status final or entered-in-error.</li>
 *   <li>MedicationRequest: medication orders (intent order, RxNorm medication, dosage text, expected supply
 *       duration).</li>
 *   <li>ServiceRequest: lab and imaging orders (category SNOMED CT laboratory procedure / imaging).</li>
 *   <li>DocumentReference: signed clinical notes (LOINC document type by template, docStatus, the current text and
 *       its addenda as a text/plain attachment).</li>
 * </ul>
 * Clinicians are not Practitioner resources yet: the recorder, requester and author are references with only a
 * display (the user name), as Encounter's attending.
 */
public final class FhirHealthRecordMapper {
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String VITAL_SIGNS = "vital-signs";
    public static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    /** The code of oxygen saturation the R4 oxygensat profile requires beside the pulse-oximetry code. */
    public static final String OXYGEN_SATURATION_CODE = "2708-6";
    public static final String SERVICE_REQUEST_CATEGORY_LAB = "108252007";
    public static final String SERVICE_REQUEST_CATEGORY_IMAGING = "363679005";
    /** The hospital's note templates (code = {@link NoteTemplate} name), beside the LOINC document type. */
    public static final String NOTE_TEMPLATE = "urn:asclepius:note-template";
    public static final String PLAIN_TEXT = "text/plain; charset=UTF-8";

    /** The Observation categories (observation-category) a search may name; only vital-signs is used here. */
    static final Set<String> OBSERVATION_CATEGORIES = Set.of("social-history", VITAL_SIGNS, "imaging", "laboratory",
            "procedure", "survey", "exam", "therapy", "activity");

    private FhirHealthRecordMapper() {
    }

    // ---------------------------------------------------------------- Observation (vital signs)

    public static Observation toFhir(ObservationRecord r) {
        Observation o = new Observation();
        o.setId(id("Observation", r.id(), r.version()));
        o.setMeta(meta(r.version()).addProfile(VITAL_SIGNS_PROFILE));
        String profile = profile(r.kind());
        if (profile != null) {
            o.getMeta().addProfile(profile);
        }
        o.setStatus(status(r.status()));
        o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, VITAL_SIGNS, "Vital Signs"))
                .setText("Vital Signs"));
        o.setCode(code(r.kind()));
        o.setSubject(patient(r.patientId()));
        o.setEncounter(encounter(r.encounterId()));
        o.setEffective(dateTime(r.effectiveAt()));
        o.setIssuedElement(instant(r.recordedAt()));
        if (r.recordedBy() != null) {
            o.addPerformer(new Reference().setDisplay(r.recordedBy()));
        }
        if (r.kind() == VitalSign.BLOOD_PRESSURE) {
            o.addComponent()
                    .setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, VitalSign.SYSTOLIC_CODE,
                            "Systolic blood pressure")).setText("Systolic"))
                    .setValue(quantity(r.value(), 0, r.kind()));
            if (r.secondValue() != null) {
                o.addComponent()
                        .setCode(new CodeableConcept(new Coding(CodeSystems.LOINC, VitalSign.DIASTOLIC_CODE,
                                "Diastolic blood pressure")).setText("Diastolic"))
                        .setValue(quantity(r.secondValue(), 0, r.kind()));
            }
        } else {
            o.setValue(quantity(r.value(), r.kind().scale(), r.kind()));
        }
        if (r.derived()) {
            o.setMethod(new CodeableConcept().setText("Calculated from the weight and the height"));
        }
        if (r.enteredInError() && r.errorReason() != null) {
            o.addNote(new Annotation().setText("Entered in error: " + r.errorReason()));
        }
        return o;
    }

    public static Observation.ObservationStatus status(org.asclepius.hms.clinical.vitals.Observation.Status s) {
        return switch (s) {
            case FINAL -> Observation.ObservationStatus.FINAL;
            case ENTERED_IN_ERROR -> Observation.ObservationStatus.ENTEREDINERROR;
        };
    }

    /** The LOINC code (and, for SpO2, the arterial saturation code the R4 oxygensat profile requires). */
    public static CodeableConcept code(VitalSign kind) {
        CodeableConcept code = new CodeableConcept(new Coding(CodeSystems.LOINC, kind.loinc(), kind.display()))
                .setText(kind.label());
        if (kind == VitalSign.SPO2) {
            code.addCoding(new Coding(CodeSystems.LOINC, OXYGEN_SATURATION_CODE,
                    "Oxygen saturation in Arterial blood"));
        }
        return code;
    }

    /** The R4 profile of the vital sign beside the generic vitalsigns one (pain has none). */
    public static String profile(VitalSign kind) {
        String name = switch (kind) {
            case TEMPERATURE -> "bodytemp";
            case PULSE -> "heartrate";
            case RESPIRATION -> "resprate";
            case BLOOD_PRESSURE -> "bp";
            case SPO2 -> "oxygensat";
            case WEIGHT -> "bodyweight";
            case HEIGHT -> "bodyheight";
            case BMI -> "bmi";
            case PAIN -> null;
        };
        return name == null ? null : "http://hl7.org/fhir/StructureDefinition/" + name;
    }

    /**
     * The vital signs a LOINC code of a search stands for: the sign's own code, a blood pressure component (the
     * panel carries them) or the arterial saturation code of SpO2; none for any other code.
     */
    static Set<VitalSign> vitalSigns(String loinc) {
        if (OXYGEN_SATURATION_CODE.equals(loinc)) {
            return EnumSet.of(VitalSign.SPO2);
        }
        VitalSign kind = VitalSign.byLoinc(loinc);
        return kind == null ? EnumSet.noneOf(VitalSign.class) : EnumSet.of(kind);
    }

    private static Quantity quantity(BigDecimal value, int scale, VitalSign kind) {
        Quantity q = new Quantity();
        q.setValue(value.setScale(scale, RoundingMode.HALF_UP));
        q.setUnit(kind.unitLabel());
        q.setSystem(UCUM);
        q.setCode(kind.ucum());
        return q;
    }

    // ---------------------------------------------------------------- MedicationRequest (medication orders)

    public static MedicationRequest toMedicationRequest(OrderRecord r) {
        if (r.kind() != OrderKind.MEDICATION) {
            throw new IllegalArgumentException("not a medication order");
        }
        MedicationRequest m = new MedicationRequest();
        m.setId(id("MedicationRequest", r.id(), r.version()));
        m.setMeta(meta(r.version()));
        m.setStatus(medicationRequestStatus(r.status()));
        if (r.statusReason() != null && (r.status() == OrderStatus.CANCELLED
                || r.status() == OrderStatus.ENTERED_IN_ERROR)) {
            m.setStatusReason(new CodeableConcept().setText(r.statusReason()));
        }
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.setPriority(switch (r.priority()) {
            case ROUTINE -> MedicationRequest.MedicationRequestPriority.ROUTINE;
            case URGENT -> MedicationRequest.MedicationRequestPriority.URGENT;
            case STAT -> MedicationRequest.MedicationRequestPriority.STAT;
        });
        m.setMedication(concept(r.code()));
        m.setSubject(patient(r.patientId()));
        m.setEncounter(encounter(r.encounterId()));
        m.setAuthoredOnElement(dateTime(r.orderedAt()));
        m.setRequester(new Reference().setDisplay(requester(r)));
        m.setRecorder(new Reference().setDisplay(r.orderedBy()));
        if (r.reason() != null) {
            m.addReasonCode(new CodeableConcept().setText(r.reason()));
        }
        if (r.instructions() != null) {
            m.addNote(new Annotation().setText(r.instructions()));
        }
        Dosage dosage = m.addDosageInstruction().setText(dosageText(r));
        if (r.route() != null) {
            dosage.setRoute(new CodeableConcept().setText(r.route()));
        }
        if (r.durationDays() != null) {
            Duration supply = new Duration();
            supply.setValue(r.durationDays());
            supply.setUnit("days");
            supply.setSystem(UCUM);
            supply.setCode("d");
            m.getDispenseRequest().setExpectedSupplyDuration(supply);
        }
        return m;
    }

    /** "1 tablet, oral, twice daily" (what is given of dose, route and frequency). */
    static String dosageText(OrderRecord r) {
        return Stream.of(r.dose(), r.route(), r.frequency()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    public static MedicationRequest.MedicationRequestStatus medicationRequestStatus(OrderStatus s) {
        return switch (s) {
            case DRAFT -> MedicationRequest.MedicationRequestStatus.DRAFT;
            case SIGNED, IN_PROGRESS -> MedicationRequest.MedicationRequestStatus.ACTIVE;
            case COMPLETED -> MedicationRequest.MedicationRequestStatus.COMPLETED;
            case CANCELLED -> MedicationRequest.MedicationRequestStatus.CANCELLED;
            case ENTERED_IN_ERROR -> MedicationRequest.MedicationRequestStatus.ENTEREDINERROR;
        };
    }

    /** The order statuses a MedicationRequest status stands for (none for one the hospital never uses). */
    static Set<OrderStatus> medicationRequestStatuses(MedicationRequest.MedicationRequestStatus fhir) {
        return inverse(OrderStatus.class, FhirHealthRecordMapper::medicationRequestStatus, fhir);
    }

    // ---------------------------------------------------------------- ServiceRequest (lab and imaging orders)

    public static ServiceRequest toServiceRequest(OrderRecord r) {
        if (r.kind() == OrderKind.MEDICATION) {
            throw new IllegalArgumentException("a medication order is a MedicationRequest");
        }
        ServiceRequest s = new ServiceRequest();
        s.setId(id("ServiceRequest", r.id(), r.version()));
        s.setMeta(meta(r.version()));
        s.setStatus(serviceRequestStatus(r.status()));
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.addCategory(category(r.kind()));
        s.setCode(concept(r.code()));
        s.setPriority(serviceRequestPriority(r.priority()));
        s.setSubject(patient(r.patientId()));
        s.setEncounter(encounter(r.encounterId()));
        s.setAuthoredOnElement(dateTime(r.orderedAt()));
        s.setRequester(new Reference().setDisplay(requester(r)));
        if (r.reason() != null) {
            s.addReasonCode(new CodeableConcept().setText(r.reason()));
        }
        if (r.instructions() != null) {
            s.addNote(new Annotation().setText(r.instructions()));
        }
        if (r.statusReason() != null && (r.status() == OrderStatus.CANCELLED
                || r.status() == OrderStatus.ENTERED_IN_ERROR)) {
            s.addNote(new Annotation().setText((r.status() == OrderStatus.CANCELLED ? "Cancelled: "
                    : "Entered in error: ") + r.statusReason()));
        }
        return s;
    }

    public static ServiceRequest.ServiceRequestStatus serviceRequestStatus(OrderStatus s) {
        return switch (s) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case SIGNED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case ENTERED_IN_ERROR -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
        };
    }

    /** The order statuses a ServiceRequest status stands for (none for one the hospital never uses). */
    static Set<OrderStatus> serviceRequestStatuses(ServiceRequest.ServiceRequestStatus fhir) {
        return inverse(OrderStatus.class, FhirHealthRecordMapper::serviceRequestStatus, fhir);
    }

    public static ServiceRequest.ServiceRequestPriority serviceRequestPriority(OrderPriority p) {
        return switch (p) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
            case STAT -> ServiceRequest.ServiceRequestPriority.STAT;
        };
    }

    public static CodeableConcept category(OrderKind kind) {
        return switch (kind) {
            case LAB -> new CodeableConcept(new Coding(CodeSystems.SNOMED, SERVICE_REQUEST_CATEGORY_LAB,
                    "Laboratory procedure")).setText("Laboratory");
            case IMAGING -> new CodeableConcept(new Coding(CodeSystems.SNOMED, SERVICE_REQUEST_CATEGORY_IMAGING,
                    "Imaging")).setText("Imaging");
            case MEDICATION -> throw new IllegalArgumentException("a medication order is a MedicationRequest");
        };
    }

    /** The kind of order a ServiceRequest category (SNOMED CT) stands for, or null for another code. */
    static OrderKind orderKind(String snomed) {
        return switch (snomed) {
            case SERVICE_REQUEST_CATEGORY_LAB -> OrderKind.LAB;
            case SERVICE_REQUEST_CATEGORY_IMAGING -> OrderKind.IMAGING;
            default -> null;
        };
    }

    private static String requester(OrderRecord r) {
        return r.signedBy() != null ? r.signedBy() : r.orderedBy();
    }

    // ---------------------------------------------------------------- DocumentReference (signed notes)

    /** A signed note (drafts are never exchanged: the caller leaves them out). */
    public static DocumentReference toFhir(NoteRecord r) {
        if (r.signedAt() == null || r.versions().isEmpty()) {
            throw new IllegalArgumentException("a note is exchanged only once signed");
        }
        DocumentReference d = new DocumentReference();
        d.setId(id("DocumentReference", r.id(), r.version()));
        d.setMeta(meta(r.version()));
        d.setStatus(r.status() == ClinicalNote.Status.ENTERED_IN_ERROR ? DocumentReferenceStatus.ENTEREDINERROR
                : DocumentReferenceStatus.CURRENT);
        d.setDocStatus(docStatus(r.status()));
        d.setType(type(r.template()));
        d.setSubject(patient(r.patientId()));
        d.setDateElement(instant(r.signedAt()));
        d.addAuthor(new Reference().setDisplay(r.author()));
        d.setAuthenticator(new Reference().setDisplay(r.signedBy()));
        d.setDescription(r.title());
        if (r.status() == ClinicalNote.Status.ENTERED_IN_ERROR && r.errorReason() != null) {
            d.setDescription(r.title() + " (entered in error: " + r.errorReason() + ")");
        }
        byte[] text = r.plainText().getBytes(StandardCharsets.UTF_8);
        Attachment attachment = new Attachment()
                .setContentType(PLAIN_TEXT)
                .setData(text)
                .setSize(text.length)
                .setHash(sha1(text))
                .setTitle(r.title())
                .setCreationElement(dateTime(r.versions().get(r.versions().size() - 1).signedAt()));
        d.addContent().setAttachment(attachment);
        d.getContext().addEncounter(encounter(r.encounterId()));
        return d;
    }

    public static DocumentReference.ReferredDocumentStatus docStatus(ClinicalNote.Status s) {
        return switch (s) {
            case DRAFT -> DocumentReference.ReferredDocumentStatus.PRELIMINARY;
            case SIGNED -> DocumentReference.ReferredDocumentStatus.FINAL;
            case AMENDED -> DocumentReference.ReferredDocumentStatus.AMENDED;
            case ENTERED_IN_ERROR -> DocumentReference.ReferredDocumentStatus.ENTEREDINERROR;
        };
    }

    /** The LOINC document type of a template, with the hospital's template code and its name as text. */
    public static CodeableConcept type(NoteTemplate template) {
        return new CodeableConcept(loincType(template))
                .addCoding(new Coding(NOTE_TEMPLATE, template.name(), template.label()))
                .setText(template.label());
    }

    static Coding loincType(NoteTemplate template) {
        return switch (template) {
            case SOAP, PROGRESS -> new Coding(CodeSystems.LOINC, "11506-3", "Progress note");
            case ADMISSION -> new Coding(CodeSystems.LOINC, "34117-2", "History and physical note");
            case DISCHARGE_SUMMARY -> new Coding(CodeSystems.LOINC, "18842-5", "Discharge summary");
        };
    }

    /** The templates a document type of a search stands for: a LOINC type or a template code; none otherwise. */
    static Set<NoteTemplate> templates(String system, String code) {
        Set<NoteTemplate> found = EnumSet.noneOf(NoteTemplate.class);
        for (NoteTemplate t : NoteTemplate.values()) {
            boolean loinc = (system == null || CodeSystems.LOINC.equals(system)) && loincType(t).getCode().equals(code);
            boolean local = (system == null || NOTE_TEMPLATE.equals(system)) && t.name().equals(code);
            if (loinc || local) {
                found.add(t);
            }
        }
        return found;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- shared

    private static IdType id(String type, long id, long version) {
        return new IdType(type, Long.toString(id), Long.toString(version));
    }

    private static Meta meta(long version) {
        return new Meta().setVersionId(Long.toString(version));
    }

    static Reference patient(long patientId) {
        return new Reference("Patient/" + patientId);
    }

    static Reference encounter(long encounterId) {
        return new Reference("Encounter/" + encounterId);
    }

    /** A coded value with its system, the display as text too. */
    static CodeableConcept concept(Code code) {
        return new CodeableConcept(new Coding(code.system(), code.code(), code.display())).setText(code.display());
    }

    private static DateTimeType dateTime(Instant t) {
        DateTimeType dt = new DateTimeType(Date.from(t));
        dt.setTimeZoneZulu(true);
        return dt;
    }

    private static InstantType instant(Instant t) {
        InstantType i = new InstantType(Date.from(t));
        i.setTimeZoneZulu(true);
        return i;
    }

    /** Every hospital value that maps to the FHIR value. */
    private static <E extends Enum<E>, F> Set<E> inverse(Class<E> type, Function<E, F> mapping, F fhir) {
        Set<E> found = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (Objects.equals(mapping.apply(e), fhir)) {
                found.add(e);
            }
        }
        return found;
    }
}
