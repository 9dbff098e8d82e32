package org.asclepius.hms.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedicalRecordNumberTest {

    @Test
    void checkDigit_matchesTheLuhnReferenceExample() {
        // the classic Luhn example: 7992739871 has check digit 3
        assertThat(MedicalRecordNumber.checkDigit("7992739871")).isEqualTo(3);
        assertThat(MedicalRecordNumber.isValid("79927398713")).isTrue();
    }

    @Test
    void fromSequence_appendsAValidCheckDigit() {
        for (long seq = MedicalRecordNumber.FIRST; seq < MedicalRecordNumber.FIRST + 1000; seq++) {
            String mrn = MedicalRecordNumber.fromSequence(seq);
            assertThat(mrn).startsWith(Long.toString(seq)).hasSize(8);
            assertThat(MedicalRecordNumber.isValid(mrn)).as(mrn).isTrue();
        }
    }

    @Test
    void isValid_rejectsEverySingleDigitTypo() {
        String mrn = MedicalRecordNumber.fromSequence(1_234_567);
        for (int i = 0; i < mrn.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == mrn.charAt(i)) {
                    continue;
                }
                String typo = mrn.substring(0, i) + d + mrn.substring(i + 1);
                assertThat(MedicalRecordNumber.isValid(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void isValid_rejectsSwappedNeighbours() {
        String mrn = MedicalRecordNumber.fromSequence(1_234_567);
        for (int i = 0; i + 1 < mrn.length(); i++) {
            char a = mrn.charAt(i);
            char b = mrn.charAt(i + 1);
            // Luhn cannot see 0<->9 swaps; every other adjacent transposition is caught
            if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
                continue;
            }
            String swapped = mrn.substring(0, i) + b + a + mrn.substring(i + 2);
            assertThat(MedicalRecordNumber.isValid(swapped)).as(swapped).isFalse();
        }
    }

    @Test
    void isValid_rejectsNonDigitsAndTooShort() {
        assertThat(MedicalRecordNumber.isValid(null)).isFalse();
        assertThat(MedicalRecordNumber.isValid("")).isFalse();
        assertThat(MedicalRecordNumber.isValid("7")).isFalse();
        assertThat(MedicalRecordNumber.isValid("1000000A")).isFalse();
        assertThat(MedicalRecordNumber.isValid(" 10000009")).isFalse();
        assertThatThrownBy(() -> MedicalRecordNumber.fromSequence(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
