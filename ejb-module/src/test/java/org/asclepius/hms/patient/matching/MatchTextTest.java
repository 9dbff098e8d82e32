package org.asclepius.hms.patient.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchTextTest {
    @Test
    void name_stripsAccentsDigitsAndPunctuation() {
        assertThat(MatchText.name("  José123 ")).isEqualTo("jose");
        assertThat(MatchText.name("O'Brien-Smith")).isEqualTo("obriensmith");
        assertThat(MatchText.name("Zoë")).isEqualTo("zoe");
        assertThat(MatchText.name("123")).isNull();
        assertThat(MatchText.name(null)).isNull();
    }

    @Test
    void display_removesSyntheaDigitsOnly() {
        assertThat(MatchText.display("Dionne995")).isEqualTo("Dionne");
        assertThat(MatchText.display(" Mary  Ann ")).isEqualTo("Mary Ann");
    }

    @Test
    void editDistance_countsTranspositionAsOne() {
        assertThat(MatchText.editDistance("john", "jhon")).isEqualTo(1);
        assertThat(MatchText.editDistance("john", "jon")).isEqualTo(1);
        assertThat(MatchText.editDistance("smith", "smyth")).isEqualTo(1);
        assertThat(MatchText.editDistance("smith", "jones")).isEqualTo(5);
    }

    @Test
    void typo_requiresEnoughLetters() {
        assertThat(MatchText.typo("catherine", "cathrine")).isTrue();
        assertThat(MatchText.typo("al", "ed")).isFalse();
        assertThat(MatchText.typo("ann", "ian")).isFalse();
        assertThat(MatchText.typo("thomas", "emily")).isFalse();
    }

    @Test
    void street_andPostalCode_normalise() {
        assertThat(MatchText.street("12 Main Street, Apt. #4")).isEqualTo("12 main st apt apt 4");
        assertThat(MatchText.street("12 MAIN ST apt 4")).isEqualTo("12 main st apt 4");
        assertThat(MatchText.postalCode("02118-1234")).isEqualTo("02118");
        assertThat(MatchText.postalCode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(MatchText.postalCode("00000")).isNull();
    }

    @Test
    void phone_keepsDigits_andRejectsShortNumbers() {
        assertThat(MatchText.phone("+1 (617) 555-0134")).isEqualTo("16175550134");
        assertThat(MatchText.phone("555-01")).isNull();
    }

    @Test
    void soundAlike_usesDoubleMetaphone() {
        assertThat(MatchText.soundAlike("smith", "schmidt")).isTrue();
        assertThat(MatchText.soundAlike("smith", "jones")).isFalse();
    }
}
