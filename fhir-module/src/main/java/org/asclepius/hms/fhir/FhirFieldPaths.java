package org.asclepius.hms.fhir;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the field paths of the patient module ({@code birthDate}, {@code identifiers[0].value},
 * {@code nextOfKin.phone}, as {@link org.asclepius.hms.shared.InvalidInputException} carries them) into FHIRPath
 * expressions on the resource the client sent ({@code Patient.birthDate}, {@code Patient.identifier[2].value}).
 * The {@link FhirPatientMapper} records where each field came from (which name, which telecom, which identifier
 * index, the MRN being skipped); without that record the positions of {@link FhirPatientMapper#toFhir} are used.
 *
 * <p>For other resources ({@link #forResource}) the mapper names each field's place with {@link #field}
 * ({@code start} → {@code Appointment.start}); a field it did not name points at the resource as a whole.
 */
public final class FhirFieldPaths {
    private static final Pattern IDENTIFIER = Pattern.compile("identifiers\\[(\\d+)](?:\\.(\\w+))?");
    private static final String PATIENT = "Patient";

    private final String root;
    private final Map<String, String> fields = new HashMap<>();

    private String name = "Patient.name[0]";
    private String phone = "Patient.telecom.where(system='phone').value";
    private String email = "Patient.telecom.where(system='email').value";
    private String address = "Patient.address[0]";
    private String kinPhone = "Patient.contact[0].telecom.where(system='phone').value";
    private final Map<Integer, String> identifiers = new HashMap<>();
    private boolean identifiersRecorded;

    /** The paths of a Patient. */
    public FhirFieldPaths() {
        this(PATIENT);
    }

    private FhirFieldPaths(String root) {
        this.root = root;
    }

    /** The paths of another resource type: only the fields named with {@link #field}, else the resource. */
    public static FhirFieldPaths forResource(String resourceType) {
        return new FhirFieldPaths(resourceType == null || resourceType.isBlank() ? PATIENT : resourceType);
    }

    /** The resource type the expressions start with. */
    public String root() {
        return root;
    }

    /** Where a field of the service input came from in the resource. */
    void field(String field, String expression) {
        fields.put(field, expression);
    }

    void name(String expression) {
        this.name = expression;
    }

    void phone(String expression) {
        this.phone = expression;
    }

    void email(String expression) {
        this.email = expression;
    }

    void address(String expression) {
        this.address = expression;
    }

    void kinPhone(String expression) {
        this.kinPhone = expression;
    }

    void identifier(int dataIndex, String expression) {
        identifiers.put(dataIndex, expression);
        identifiersRecorded = true;
    }

    /** The FHIRPath expression of a field of the service input; a path that already is one is kept. */
    public String expressionFor(String field) {
        if (field == null || field.isBlank() || "input".equals(field)) {
            return root;
        }
        if (Character.isUpperCase(field.charAt(0))) {
            // already a FHIRPath expression (service fields are lower camel case: birthDate, serviceCode)
            return field;
        }
        String named = fields.get(field);
        if (named != null) {
            return named;
        }
        if (!PATIENT.equals(root)) {
            return root;
        }
        Matcher m = IDENTIFIER.matcher(field);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            String base = identifiers.getOrDefault(index,
                    // as written by toFhir: the MRN first, then the other identifiers
                    identifiersRecorded ? "Patient.identifier" : "Patient.identifier[" + (index + 1) + "]");
            String part = m.group(2);
            if (part == null) {
                return base;
            }
            return base + switch (part) {
                case "type" -> ".system";
                case "value" -> ".value";
                default -> "";
            };
        }
        return switch (field) {
            case "familyName" -> name + ".family";
            case "givenName" -> name + ".given[0]";
            case "middleName" -> name + ".given[1]";
            case "sex" -> "Patient.gender";
            case "birthDate" -> "Patient.birthDate";
            case "phone" -> phone;
            case "email" -> email;
            case "address" -> address;
            case "address.line1" -> address + ".line[0]";
            case "address.line2" -> address + ".line[1]";
            case "address.city" -> address + ".city";
            case "address.state" -> address + ".state";
            case "address.postalCode" -> address + ".postalCode";
            case "address.country" -> address + ".country";
            case "nextOfKin" -> "Patient.contact[0]";
            case "nextOfKin.name" -> "Patient.contact[0].name.text";
            case "nextOfKin.relationship" -> "Patient.contact[0].relationship[0].text";
            case "nextOfKin.phone" -> kinPhone;
            case "identifiers" -> "Patient.identifier";
            case "mrn" -> "Patient.identifier.where(system='" + org.asclepius.hms.patient.IdentifierType.MRN_SYSTEM
                    + "').value";
            default -> "Patient";
        };
    }
}
