package org.asclepius.hms.patient;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.shared.InputValidator;
import org.junit.jupiter.api.Test;

class IdentifierTypesTest {
    static final IdentifierTypeRecord PASSPORT = new IdentifierTypeRecord("PASSPORT", "Passport",
            "urn:asclepius:id:passport", "PPN", "[A-Z0-9]{6,12}", "6 to 12 letters or digits", true, 20, 0);
    static final IdentifierTypeRecord OLD_CARD = new IdentifierTypeRecord("OLD_CARD", "Old hospital card",
            "urn:example:old-card", null, "[0-9]{5}", "5 digits", false, 90, 3);
    final IdentifierTypes types = new IdentifierTypes(List.of(PASSPORT, OLD_CARD));

    @Test
    void valueBreakingTheRule_getsTheRuleOfItsType() {
        Map<String, String> errors = check(List.of(new IdentifierEntry("PASSPORT", "12!")), List.of());
        assertThat(errors).containsOnlyKeys("identifiers[0].value");
        assertThat(errors.get("identifiers[0].value")).isEqualTo("Passport must be 6 to 12 letters or digits");
    }

    @Test
    void valueIsNormalisedBeforeTheRuleApplies() {
        assertThat(check(List.of(new IdentifierEntry("PASSPORT", "x12 3456")), List.of())).isEmpty();
    }

    @Test
    void unknownType_isRefused() {
        assertThat(check(List.of(new IdentifierEntry("TAX_NUMBER", "12345")), List.of()))
                .containsOnlyKeys("identifiers[0].type");
    }

    @Test
    void retiredType_refusedForNewIdentifiers_butKeptWhereAlreadyHeld() {
        IdentifierEntry card = new IdentifierEntry("OLD_CARD", "12345");
        assertThat(check(List.of(card), List.of())).containsOnlyKeys("identifiers[0].type");
        assertThat(check(List.of(card), List.of(new IdentifierEntry("OLD_CARD", "12345")))).isEmpty();
    }

    @Test
    void lookUps_byCodeAndSystem_andActiveOnly() {
        assertThat(types.bySystem("urn:asclepius:id:passport")).contains(PASSPORT);
        assertThat(types.byCode("OLD_CARD")).contains(OLD_CARD);
        assertThat(types.active()).containsExactly(PASSPORT);
        assertThat(types.label("GONE")).isEqualTo("GONE");
    }

    @Test
    void typeData_refusesBadRegexCodeAndSystem() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        IdentifierTypeData d = IdentifierTypeData.of(PASSPORT);
        assertThat(validator.validate(d)).isEmpty();
        d.setPattern("[A-Z");
        d.setCode("passport");
        d.setSystem("not a uri");
        assertThat(InputValidator.toFieldErrors(validator.validate(d)))
                .containsOnlyKeys("patternValid", "code", "system");
    }

    private Map<String, String> check(List<IdentifierEntry> entries, List<IdentifierEntry> held) {
        Map<String, String> errors = new LinkedHashMap<>();
        types.check(entries, held, errors);
        return errors;
    }
}
