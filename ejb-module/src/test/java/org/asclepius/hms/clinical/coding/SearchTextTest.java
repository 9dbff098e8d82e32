package org.asclepius.hms.clinical.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void theKeyHasLowerCaseWordsBetweenSpaces() {
        assertThat(SearchText.key("Type 2 diabetes mellitus, without complications"))
                .isEqualTo(" type 2 diabetes mellitus without complications ");
        assertThat(SearchText.key("Cow's milk")).isEqualTo(" cow s milk ");
        assertThat(SearchText.key("Essential (primary) hypertension")).isEqualTo(" essential primary hypertension ");
    }

    @Test
    void eachTypedWordBecomesAWordPrefixPattern_withoutWildcardsOfItsOwn() {
        assertThat(SearchText.patterns("Diabetes  TYPE 2")).containsExactly("% diabetes%", "% type%", "% 2%");
        assertThat(SearchText.patterns("50%_off")).containsExactly("% 50%", "% off%");
        assertThat(SearchText.patterns("a a a")).containsExactly("% a%");
        assertThat(SearchText.patterns("  ")).isEmpty();
    }

    @Test
    void aWordPatternMatchesTheStartOfAWordInTheKey() {
        String key = SearchText.key("Essential (primary) hypertension");
        assertThat(like(key, "% hypert%")).isTrue();
        assertThat(like(key, "% tension%")).isFalse();
    }

    private static boolean like(String value, String pattern) {
        return value.matches(pattern.replace("%", ".*"));
    }
}
