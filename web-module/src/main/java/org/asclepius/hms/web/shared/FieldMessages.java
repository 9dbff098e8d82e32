package org.asclepius.hms.web.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.hms.shared.InvalidInputException;

/**
 * The one place that knows which form field a service's field error belongs to. An
 * {@link InvalidInputException} names fields by their property path ({@code birthDate}, {@code address.city},
 * {@code identifiers[0].value}); a form names its inputs by component id ({@code birthDate}, {@code city},
 * {@code identifierValue0}). Each form has one mapping; errors without a field become messages for the page.
 */
public final class FieldMessages {
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d+)](?:\\.(.+))?");

    /** The registration and edit form of a patient (the include {@code patient-form-fields.xhtml}). */
    public static final FieldMessages PATIENT_FORM = new Builder()
            .field("familyName", "familyName", "Family name")
            .field("givenName", "givenName", "Given name")
            .field("middleName", "middleName", "Middle name")
            .field("sex", "sex", "Sex")
            .field("birthDate", "birthDate", "Date of birth")
            .field("phone", "phone", "Phone")
            .field("email", "email", "E-mail")
            .field("address", "addressLine1", "Address")
            .field("address.line1", "addressLine1", "Address line 1")
            .field("address.line2", "addressLine2", "Address line 2")
            .field("address.city", "city", "City")
            .field("address.state", "state", "State")
            .field("address.postalCode", "postalCode", "Postal code")
            .field("address.country", "country", "Country")
            .field("nextOfKin", "kinName", "Next of kin")
            .field("nextOfKin.name", "kinName", "Next of kin name")
            .field("nextOfKin.relationship", "kinRelationship", "Next of kin relationship")
            .field("nextOfKin.phone", "kinPhone", "Next of kin phone")
            .label("identifiers", "Identifiers")
            .indexed("identifiers", "", "identifierValue", "Identifier")
            .indexed("identifiers", "type", "identifierType", "Identifier type")
            .indexed("identifiers", "value", "identifierValue", "Identifier")
            .build();

    /** The patient search form ({@code find-patient.xhtml}). */
    public static final FieldMessages PATIENT_SEARCH = new Builder()
            .field("query", "searchName", "Search")
            .field("name", "searchName", "Name")
            .field("familyName", "searchName", "Family name")
            .field("givenName", "searchName", "Given name")
            .field("birthDate", "searchBirthDate", "Date of birth")
            .field("mrn", "searchMrn", "MRN")
            .field("identifierValue", "searchIdentifier", "Identifier")
            .field("phone", "searchPhone", "Phone")
            .build();

    /** Emergency registration of an unidentified patient ({@code quick-register.xhtml}). */
    public static final FieldMessages UNIDENTIFIED_PATIENT_FORM = new Builder()
            .field("sex", "quickSex", "Sex")
            .field("estimatedAge", "estimatedAge", "Estimated age")
            .build();

    /** A patient's insurance coverage ({@code patient-coverage.xhtml}). */
    public static final FieldMessages COVERAGE_FORM = new Builder()
            .field("payerName", "payerName", "Payer")
            .field("planName", "planName", "Plan")
            .field("memberId", "memberId", "Member ID")
            .field("subscriberName", "subscriberName", "Subscriber")
            .field("relationship", "relationship", "Relationship")
            .field("priority", "priority", "Priority")
            .field("effectiveFrom", "effectiveFrom", "Effective from")
            .field("effectiveTo", "effectiveTo", "Effective to")
            .build();

    /** The merge screen ({@code merge-patients.xhtml}) and the undo-merge dialog of the patient summary. */
    public static final FieldMessages MERGE_FORM = new Builder()
            .field("reason", "mergeReason", "Reason")
            .field("survivor", "keep", "Record to keep")
            .field("undoReason", "undoReason", "Reason")
            .build();

    /** An identifier type ({@code admin/identifier-types.xhtml}). */
    public static final FieldMessages IDENTIFIER_TYPE_FORM = new Builder()
            .field("code", "typeCode", "Code")
            .field("label", "typeLabel", "Label")
            .field("system", "typeSystem", "FHIR system")
            .field("v2Code", "typeV2Code", "HL7 v2 code")
            .field("pattern", "typePattern", "Rule (regular expression)")
            .field("patternValid", "typePattern", "Rule (regular expression)")
            .field("rule", "typeRule", "Rule as staff read it")
            .field("sortOrder", "typeSortOrder", "Order")
            .build();

    /** A bookable resource ({@code admin/schedules.xhtml}). */
    public static final FieldMessages RESOURCE_FORM = new Builder()
            .field("kind", "resKind", "Kind")
            .field("name", "resName", "Name")
            .field("department", "resDepartment", "Department")
            .field("staffUsername", "resStaff", "Staff user name")
            .field("slotMinutes", "resSlotMinutes", "Slot length")
            .build();

    /** A resource's weekly working hours ({@code admin/schedules.xhtml}); row i has hourDay{i}, hourStart{i}… */
    public static final FieldMessages HOURS_FORM = new Builder()
            .label("hours", "Working hours")
            .indexed("hours", "", "hourDay", "Period")
            .indexed("hours", "day", "hourDay", "Day")
            .indexed("hours", "start", "hourStart", "Start")
            .indexed("hours", "end", "hourEnd", "End")
            .build();

    /** A bookable service ({@code admin/schedules.xhtml}). */
    public static final FieldMessages SERVICE_FORM = new Builder()
            .field("code", "svcCode", "Code")
            .field("name", "svcName", "Name")
            .field("durationMinutes", "svcDuration", "Duration")
            .field("requiredKinds", "svcKinds", "Needs")
            .field("resourceIds", "svcResources", "Offered by")
            .field("maxPerSlot", "svcMaxPerSlot", "Bookings per slot")
            .field("overbookPolicy", "svcPolicy", "Overbooking policy")
            .field("overbookPolicyExplained", "svcPolicy", "Overbooking policy")
            .build();

    /** Leave, a holiday or blocked time of a resource (the calendar's form). */
    public static final FieldMessages EXCEPTION_FORM = new Builder()
            .field("kind", "blockKind", "Kind")
            .field("start", "blockStart", "From")
            .field("end", "blockEnd", "Until")
            .field("reason", "blockReason", "Reason")
            .build();

    /** The booking dialog of the front desk. */
    public static final FieldMessages BOOKING_FORM = new Builder()
            .field("patientId", "bookMrn", "Patient")
            .field("mrn", "bookMrn", "MRN")
            .field("serviceCode", "bookService", "Service")
            .field("resourceIds", "bookResources", "Resources")
            .field("start", "bookStart", "Time")
            .field("end", "bookStart", "Time")
            .field("note", "bookNote", "Note")
            .field("overbookReason", "bookOverrideReason", "Reason")
            .field("overlapReason", "bookOverrideReason", "Reason")
            .field("everyWeeks", "bookEveryWeeks", "Every")
            .field("occurrences", "bookOccurrences", "Appointments")
            .build();

    /** Moving an appointment from its details (the calendar's dialog). */
    public static final FieldMessages RESCHEDULE_FORM = new Builder()
            .field("start", "moveStart", "New time")
            .field("resourceIds", "moveStart", "New time")
            .field("overbookReason", "moveOverrideReason", "Reason")
            .field("overlapReason", "moveOverrideReason", "Reason")
            .build();

    /** Cancelling an appointment (front desk and calendar). */
    public static final FieldMessages CANCEL_FORM = new Builder()
            .field("reason", "cancelReason", "Reason")
            .build();

    /** Adding a patient to the waitlist ({@code scheduling/waitlist.xhtml}). */
    public static final FieldMessages WAITLIST_FORM = new Builder()
            .field("patientId", "wlMrn", "Patient")
            .field("mrn", "wlMrn", "MRN")
            .field("serviceCode", "wlService", "Service")
            .field("resourceId", "wlResource", "Resource")
            .field("earliest", "wlEarliest", "From")
            .field("latest", "wlLatest", "Until")
            .field("latestNotBeforeEarliest", "wlLatest", "Until")
            .field("note", "wlNote", "Note")
            .build();

    /** A request for a bed or a pre-admission ({@code inpatient/admissions.xhtml}). */
    public static final FieldMessages ADMISSION_REQUEST_FORM = new Builder()
            .field("patientId", "reqMrn", "Patient")
            .field("mrn", "reqMrn", "MRN")
            .field("source", "reqSource", "Comes from")
            .field("priority", "reqPriority", "Priority")
            .field("reason", "reqReason", "Reason")
            .field("wardId", "reqWard", "Ward")
            .field("attending", "reqAttending", "Attending")
            .field("plannedFor", "reqPlannedFor", "Planned for")
            .field("bedId", "reqBed", "Bed to hold")
            .build();

    /** Choosing a bed for a waiting request, and cancelling one ({@code inpatient/admissions.xhtml}). */
    public static final FieldMessages BED_CHOICE_FORM = new Builder()
            .field("bedId", "bedChoice", "Bed")
            .field("reason", "closeReason", "Reason")
            .build();

    /** Where one field error goes: a component id (or none, for the page) and the text to show. */
    public record Target(String componentId, String label, String message) {
        public Optional<String> component() {
            return Optional.ofNullable(componentId);
        }

        /** "Label: message", for the summary of a message (shown where no field is beside it). */
        public String summary() {
            return label + ": " + message;
        }
    }

    private record Indexed(String list, String property, String idPrefix, String label) {
    }

    private final Map<String, String[]> fields;
    private final Map<String, String> labels;
    private final List<Indexed> indexed;

    private FieldMessages(Builder b) {
        this.fields = Map.copyOf(b.fields);
        this.labels = Map.copyOf(b.labels);
        this.indexed = List.copyOf(b.indexed);
    }

    /** The component id a property path belongs to, if the form has a field for it. */
    public Optional<String> componentId(String path) {
        return Optional.ofNullable(resolve(path)[0]);
    }

    /** A human label for a property path (the path itself when unknown). */
    public String label(String path) {
        return resolve(path)[1];
    }

    /** Where each field error goes, in the order the service reported them. */
    public List<Target> targets(Map<String, String> fieldErrors) {
        List<Target> result = new ArrayList<>();
        fieldErrors.forEach((path, message) -> {
            String[] r = resolve(path);
            result.add(new Target(r[0], r[1], message));
        });
        return result;
    }

    /** [componentId or null, label] */
    private String[] resolve(String path) {
        if (path == null || path.isBlank()) {
            return new String[] {null, "Input"};
        }
        String[] fixed = fields.get(path);
        if (fixed != null) {
            return fixed;
        }
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            String list = m.group(1);
            String index = m.group(2);
            String property = m.group(3) == null ? "" : m.group(3);
            for (Indexed rule : indexed) {
                if (rule.list.equals(list) && rule.property.equals(property)) {
                    return new String[] {rule.idPrefix + Integer.parseInt(index), rule.label};
                }
            }
        }
        return new String[] {null, labels.getOrDefault(path, path)};
    }

    /**
     * Shows the errors of an {@link InvalidInputException} in a form: each beside its field (the input is
     * also marked invalid), the rest as page messages. Marks the request as failed validation.
     *
     * @param formId the id of the {@code h:form} (top level of the view)
     */
    public void show(FacesContext context, String formId, InvalidInputException e) {
        UIComponent form = context.getViewRoot().findComponent(formId);
        for (Target target : targets(e.getFieldErrors())) {
            UIComponent field = target.component().flatMap(id -> find(form, id)).orElse(null);
            if (field != null && field.isRendered()) {
                if (field instanceof UIInput input) {
                    input.setValid(false);
                }
                context.addMessage(field.getClientId(context),
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, target.summary(), target.message()));
            } else {
                context.addMessage(null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, target.summary(), target.summary()));
            }
        }
        context.validationFailed();
    }

    /** A message beside one field of a form (for checks the screen makes before calling a service). */
    public static void error(FacesContext context, String formId, String componentId, String message) {
        UIComponent form = context.getViewRoot().findComponent(formId);
        UIComponent field = find(form, componentId).orElse(null);
        if (field instanceof UIInput input) {
            input.setValid(false);
        }
        context.addMessage(field == null ? null : field.getClientId(context),
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
        context.validationFailed();
    }

    private static Optional<UIComponent> find(UIComponent form, String id) {
        if (form == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(form.findComponent(id));
        } catch (IllegalArgumentException notThere) {
            return Optional.empty();
        }
    }

    /** Builds a mapping; see {@link #PATIENT_FORM}. */
    public static final class Builder {
        private final Map<String, String[]> fields = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final List<Indexed> indexed = new ArrayList<>();

        /** A property path shown beside the component with this id. */
        public Builder field(String path, String componentId, String label) {
            fields.put(path, new String[] {componentId, label});
            return this;
        }

        /** A property path with no field of its own: shown for the page, with this label. */
        public Builder label(String path, String label) {
            labels.put(path, label);
            return this;
        }

        /**
         * {@code list[i].property} shown beside the component {@code idPrefix + i}; an empty property stands
         * for an error on the whole element ({@code list[i]}).
         */
        public Builder indexed(String list, String property, String idPrefix, String label) {
            indexed.add(new Indexed(list, property, idPrefix, label));
            return this;
        }

        public FieldMessages build() {
            return new FieldMessages(this);
        }
    }
}
