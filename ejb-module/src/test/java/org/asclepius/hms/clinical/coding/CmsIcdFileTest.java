package org.asclepius.hms.clinical.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CmsIcdFileTest {
    /** Order-file line in the CMS layout: order number, code (7), header flag, short (60) and long description. */
    static String orderLine(int order, String code, boolean billable, String shortText, String longText) {
        return String.format("%05d %-7s %s %-60s %s", order, code, billable ? "1" : "0", shortText, longText);
    }

    @Test
    void codesFile_readsCodeAndLongDescription_dottedAndBillable() {
        CmsIcdFile file = CmsIcdFile.read(new StringReader("""
                A000    Cholera due to Vibrio cholerae 01, biovar cholerae
                E119    Type 2 diabetes mellitus without complications
                I10     Essential (primary) hypertension
                S060X0A Concussion without loss of consciousness, initial encounter
                """));
        assertThat(file.format()).isEqualTo(CmsIcdFile.Format.CODES);
        assertThat(file.entries()).extracting(IcdFileEntry::code)
                .containsExactly("A00.0", "E11.9", "I10", "S06.0X0A");
        assertThat(file.entries().get(1).display()).isEqualTo("Type 2 diabetes mellitus without complications");
        assertThat(file.entries()).allMatch(IcdFileEntry::billable);
        assertThat(file.entries()).extracting(IcdFileEntry::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void orderFile_isDetected_andTheHeaderFlagTellsBillable() {
        String text = String.join("\r\n",
                orderLine(1, "A00", false, "Cholera", "Cholera"),
                orderLine(2, "A000", true, "Cholera due to Vibrio cholerae 01, biovar cholerae",
                        "Cholera due to Vibrio cholerae 01, biovar cholerae"),
                orderLine(3, "E11", false, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus"),
                orderLine(4, "E119", true, "Type 2 diabetes mellitus without complications",
                        "Type 2 diabetes mellitus without complications"),
                "");
        CmsIcdFile file = CmsIcdFile.read(new StringReader(text));
        assertThat(file.format()).isEqualTo(CmsIcdFile.Format.ORDER);
        assertThat(file.entries()).extracting(IcdFileEntry::code, IcdFileEntry::billable).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A00", false), org.assertj.core.groups.Tuple.tuple("A00.0", true),
                org.assertj.core.groups.Tuple.tuple("E11", false), org.assertj.core.groups.Tuple.tuple("E11.9", true));
        assertThat(file.entries().get(3).display()).isEqualTo("Type 2 diabetes mellitus without complications");
    }

    @Test
    void orderFile_longDescriptionIsTakenFromItsColumn_notTheShortOne() {
        CmsIcdFile file = CmsIcdFile.read(new StringReader(orderLine(7, "A0472", true,
                "Enterocolitis d/t Clostridium difficile, not spcf as recur",
                "Enterocolitis due to Clostridium difficile, not specified as recurrent")));
        assertThat(file.entries().get(0).display())
                .isEqualTo("Enterocolitis due to Clostridium difficile, not specified as recurrent");
    }

    @Test
    void blankLinesAndAByteOrderMarkAreSkipped() {
        CmsIcdFile file = CmsIcdFile.read(new StringReader("\uFEFFE119    Type 2 diabetes mellitus\n\n   \nI10     Hypertension\n"));
        assertThat(file.entries()).extracting(IcdFileEntry::code, IcdFileEntry::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E11.9", 1),
                        org.assertj.core.groups.Tuple.tuple("I10", 4));
    }

    @Test
    void aBadLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("""
                E119    Type 2 diabetes mellitus without complications
                I10     Essential (primary) hypertension
                this is not a code line
                """)))
                .isInstanceOf(CmsFileException.class)
                .hasMessageStartingWith("Line 3: ")
                .satisfies(e -> assertThat(((CmsFileException) e).getLine()).isEqualTo(3));
    }

    @Test
    void aCodeWithADotOrLowerCaseIsNotACmsCode() {
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("E119    Diabetes\nE11.9   Diabetes\n")))
                .hasMessageStartingWith("Line 2: \"E11.9\" is not an ICD-10-CM code");
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("e119    Diabetes\n")))
                .hasMessageStartingWith("Line 1: ");
    }

    @Test
    void aMissingDescriptionIsRefused() {
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("E119    Diabetes\nI10\n")))
                .hasMessageStartingWith("Line 2: ");
    }

    @Test
    void anOrderLineOutOfColumnsOrWithABadFlagIsRefused() {
        String good = orderLine(1, "E11", false, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus");
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader(good + "\n00002 E119 1 Type 2 diabetes\n")))
                .hasMessageStartingWith("Line 2: the line is too short");
        String badFlag = orderLine(2, "E119", true, "Type 2 diabetes", "Type 2 diabetes").replaceFirst(" 1 ", " 2 ");
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader(good + "\n" + badFlag + "\n")))
                .hasMessageStartingWith("Line 2: the header flag of E119 must be 0");
    }

    @Test
    void aCodeListedTwiceIsRefused() {
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("E119    A\nI10     B\nE119    C\n")))
                .hasMessage("Line 3: the code E119 is listed twice (first on line 1)");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> CmsIcdFile.read(new StringReader("\n\n")))
                .hasMessageContaining("empty");
    }

    @Test
    void bytesThatAreNotTextAreRefusedWithTheLine() {
        byte[] bytes = "E119    Diabetes\nI10     Hyper\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CmsIcdFile.read(new ByteArrayInputStream(bytes)))
                .hasMessageStartingWith("Line 2: not a text file");
    }

    @Test
    void theVersionIsTakenFromTheFileName() {
        assertThat(CmsIcdFile.versionOf("icd10cm_codes_2025.txt")).isEqualTo("2025");
        assertThat(CmsIcdFile.versionOf("C:\\Downloads\\icd10cm_order_2024.txt")).isEqualTo("2024");
        assertThat(CmsIcdFile.versionOf("icd10cm-codes-April-2024.txt")).isEqualTo("April-2024");
        assertThat(CmsIcdFile.versionOf("my-codes.txt")).isEqualTo("my-codes");
        assertThat(CmsIcdFile.versionOf("/clinical/icd10cm_codes_2023_subset.txt")).isEqualTo("2023_subset");
    }
}
