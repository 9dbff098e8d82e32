package org.asclepius.hms.fhir;

import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the OperationOutcomes the API answers with. Pure. */
public final class FhirErrors {
    /** Search parameters by the field of {@link org.asclepius.hms.patient.PatientQuery} they fill. */
    private static final Map<String, String> SEARCH_PARAMETERS = Map.of(
            "name", "name",
            "familyName", "family",
            "givenName", "given",
            "birthDate", "birthdate",
            "mrn", "identifier",
            "identifierValue", "identifier",
            "identifierType", "identifier");

    private FhirErrors() {
    }

    /** One issue per field error, its expression the field's place in the resource, diagnostics the message. */
    public static OperationOutcome invalidResource(Map<String, String> fieldErrors, FhirFieldPaths paths) {
        OperationOutcome oo = new OperationOutcome();
        fieldErrors.forEach((field, message) -> {
            String expression = paths.expressionFor(field);
            boolean generic = expression.equals(paths.root()) && field != null && !field.isBlank()
                    && !field.equals("input") && !field.equals(paths.root());
            oo.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.INVALID)
                    .setDiagnostics(generic ? field + ": " + message : message)
                    .addExpression(expression);
        });
        return oo;
    }

    /** A search the service refused: one issue per field, named by its search parameter. */
    public static OperationOutcome invalidSearch(Map<String, String> fieldErrors) {
        OperationOutcome oo = new OperationOutcome();
        fieldErrors.forEach((field, message) -> {
            String parameter = SEARCH_PARAMETERS.get(field);
            oo.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.INVALID)
                    .setDiagnostics(parameter == null ? message : "Search parameter '" + parameter + "' " + message);
        });
        return oo;
    }

    public static OperationOutcome single(IssueSeverity severity, IssueType type, String diagnostics) {
        OperationOutcome oo = new OperationOutcome();
        oo.addIssue().setSeverity(severity).setCode(type).setDiagnostics(diagnostics);
        return oo;
    }
}
