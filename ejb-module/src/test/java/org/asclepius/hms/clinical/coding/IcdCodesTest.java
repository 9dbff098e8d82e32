package org.asclepius.hms.clinical.coding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IcdCodesTest {
    @Test
    void dottedAndUndotted() {
        assertThat(IcdCodes.dotted("E119")).isEqualTo("E11.9");
        assertThat(IcdCodes.dotted("I10")).isEqualTo("I10");
        assertThat(IcdCodes.dotted("S060X0A")).isEqualTo("S06.0X0A");
        assertThat(IcdCodes.undotted("S06.0X0A")).isEqualTo("S060X0A");
    }

    @Test
    void aTypedCodeIsNormalizedWithOrWithoutItsDot() {
        assertThat(IcdCodes.normalize(" e11.9 ")).contains("E119");
        assertThat(IcdCodes.normalize("E119")).contains("E119");
        assertThat(IcdCodes.normalize("i10")).contains("I10");
        assertThat(IcdCodes.normalize("E1.19")).isEmpty();
        assertThat(IcdCodes.normalize("E11.9.")).isEmpty();
        assertThat(IcdCodes.normalize("diabetes")).isEmpty();
        assertThat(IcdCodes.normalize("E11.99999")).isEmpty();
        assertThat(IcdCodes.normalize(null)).isEmpty();
    }

    @Test
    void theStartOfACodeIsAPrefix_aWordIsNot() {
        assertThat(IcdCodes.codePrefix("e11")).contains("E11");
        assertThat(IcdCodes.codePrefix("E11.")).contains("E11");
        assertThat(IcdCodes.codePrefix("E11.9")).contains("E119");
        assertThat(IcdCodes.codePrefix("e1")).contains("E1");
        assertThat(IcdCodes.codePrefix("s06.0x")).contains("S060X");
        assertThat(IcdCodes.codePrefix("hypert")).isEmpty();
        assertThat(IcdCodes.codePrefix("diabetes type 2")).isEmpty();
        assertThat(IcdCodes.codePrefix("E1.1")).isEmpty();
    }
}
