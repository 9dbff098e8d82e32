package org.asclepius.hms.patient;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.asclepius.hms.shared.InputValidator;
import org.junit.jupiter.api.Test;

class PatientDataValidationTest {
    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void completeData_isValid() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void missingRequiredFields_areNamed() {
        PatientData d = new PatientData();
        assertThat(errors(d)).containsKeys("familyName", "givenName", "sex", "birthDate");
    }

    @Test
    void futureBirthDate_isRefused() {
        PatientData d = valid();
        d.setBirthDate(LocalDate.now().plusDays(1));
        assertThat(errors(d)).containsOnlyKeys("birthDate");
    }

    @Test
    void scriptTags_areRefusedInNamesAndAddress() {
        PatientData d = valid();
        d.setFamilyName("<script>alert(1)</script>");
        d.getAddress().setCity("Town<b>");
        assertThat(errors(d)).containsOnlyKeys("familyName", "address.city");
    }

    @Test
    void overLongText_isRefused() {
        PatientData d = valid();
        d.setGivenName("x".repeat(101));
        assertThat(errors(d)).containsOnlyKeys("givenName");
    }

    @Test
    void malformedPhoneAndEmail_areRefused() {
        PatientData d = valid();
        d.setPhone("call me maybe");
        d.setEmail("not-an-email");
        assertThat(errors(d)).containsOnlyKeys("phone", "email");
    }

    private Map<String, String> errors(PatientData d) {
        return InputValidator.toFieldErrors(validator.validate(d));
    }

    static PatientData valid() {
        PatientData d = new PatientData();
        d.setFamilyName("Okafor");
        d.setGivenName("Adaeze");
        d.setSex(Sex.FEMALE);
        d.setBirthDate(LocalDate.of(1984, 3, 7));
        d.setPhone("+44 20 7946 0958");
        d.setEmail("adaeze@example.org");
        d.getAddress().setCity("Leeds");
        d.setIdentifiers(List.of(new IdentifierEntry(IdentifierType.NATIONAL_ID, "AB-123456")));
        return d;
    }
}
