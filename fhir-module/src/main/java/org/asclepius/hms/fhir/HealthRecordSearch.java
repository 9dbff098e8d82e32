package org.asclepius.hms.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the health record's searches share: one patient at a time ({@code patient} is required), and token
 * parameters turned into the hospital's values. Pure.
 */
final class HealthRecordSearch {
    private HealthRecordSearch() {
    }

    /** The patient of {@code patient=Patient/<id>}; a search without one is a 400. */
    static long requiredPatient(ReferenceParam patient) {
        if (patient == null) {
            throw new InvalidRequestException("Search parameter 'patient' is required (patient=Patient/<id>): the"
                    + " health record is searched one patient at a time");
        }
        return EncounterResourceProvider.patientId(patient);
    }

    /**
     * The hospital's values the tokens stand for (comma = or). {@code lookup} gets the token's system (null when
     * none) and code and returns the values it stands for — empty for a valid code the hospital never uses — or
     * null for a code that is not valid for the parameter, which is a 400 saying what is expected.
     */
    static <E extends Enum<E>> Set<E> values(Class<E> type, String parameter, TokenOrListParam tokens,
                                             BiFunction<String, String, Set<E>> lookup, String expected) {
        Set<E> found = EnumSet.noneOf(type);
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            EncounterResourceProvider.noModifier(parameter, token);
            String system = token.getSystem() == null || token.getSystem().isBlank() ? null : token.getSystem().trim();
            String code = token.getValue() == null ? "" : token.getValue().trim();
            Set<E> values = code.isEmpty() ? null : lookup.apply(system, code);
            if (values == null) {
                throw new InvalidRequestException("Search parameter '" + parameter + "' must be " + expected
                        + ", not '" + (system == null ? "" : system + "|") + code + "'");
            }
            found.addAll(values);
        }
        return found;
    }
}
