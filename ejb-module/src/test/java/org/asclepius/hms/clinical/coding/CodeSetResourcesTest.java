package org.asclepius.hms.clinical.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.asclepius.hms.shared.CodeSystems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The code sets shipped with the product: sizes, no duplicates, every map target in the subset. */
class CodeSetResourcesTest {
    static CmsIcdFile subset;
    static List<AllergenRecord> allergens;
    static List<SnomedIcdMapping> map;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = LoadCodeSets.open(LoadCodeSets.ICD_SUBSET)) {
            subset = CmsIcdFile.read(in);
        }
        try (InputStreamReader in = new InputStreamReader(LoadCodeSets.open(CodeSetCsv.ALLERGENS), StandardCharsets.UTF_8)) {
            allergens = CodeSetCsv.allergens(in);
        }
        try (InputStreamReader in = new InputStreamReader(LoadCodeSets.open(CodeSetCsv.SNOMED_MAP), StandardCharsets.UTF_8)) {
            map = CodeSetCsv.snomedMap(in);
        }
    }

    @Test
    void theIcdSubsetIsACmsCodesFileOfAFewThousandCommonCodes() {
        assertThat(subset.format()).isEqualTo(CmsIcdFile.Format.CODES);
        assertThat(subset.entries()).hasSizeBetween(2000, 5000);
        assertThat(subset.entries()).allMatch(IcdFileEntry::billable);
        assertThat(CmsIcdFile.versionOf(LoadCodeSets.ICD_SUBSET)).isEqualTo("2023_subset");
        Map<String, String> byCode = subset.entries().stream()
                .collect(Collectors.toMap(IcdFileEntry::code, IcdFileEntry::display));
        assertThat(byCode).containsEntry("E11.9", "Type 2 diabetes mellitus without complications")
                .containsEntry("I10", "Essential (primary) hypertension")
                .containsEntry("J44.9", "Chronic obstructive pulmonary disease, unspecified")
                .containsEntry("U07.1", "COVID-19")
                .containsEntry("Z00.00", "Encounter for general adult medical examination without abnormal findings");
        // every chapter a general hospital codes in is represented
        Set<Character> chapters = subset.entries().stream().map(e -> e.code().charAt(0)).collect(Collectors.toSet());
        assertThat(chapters).contains('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'R',
                'S', 'Z');
    }

    @Test
    void everyMapTargetIsInTheSubset_andNoConceptIsMappedTwice() {
        Set<String> codes = subset.entries().stream().map(IcdFileEntry::code).collect(Collectors.toSet());
        assertThat(map).isNotEmpty();
        assertThat(map).allSatisfy(m -> assertThat(codes).as("%s -> %s", m.snomedCode(), m.icdCode())
                .contains(m.icdCode()));
        assertThat(map.stream().map(SnomedIcdMapping::snomedCode).distinct().count()).isEqualTo(map.size());
        assertThat(map).extracting(SnomedIcdMapping::snomedCode).contains("44054006", "59621000", "840539006");
    }

    @Test
    void theMapCoversTheDisordersOfTheSyntheaSample() {
        Map<String, String> bySnomed = map.stream()
                .collect(Collectors.toMap(SnomedIcdMapping::snomedCode, SnomedIcdMapping::icdCode));
        assertThat(bySnomed).containsEntry("44054006", "E11.9").containsEntry("59621000", "I10")
                .containsEntry("840539006", "U07.1").containsEntry("10509002", "J20.9")
                .containsEntry("195662009", "J02.9").containsEntry("431857002", "N18.4");
        assertThat(bySnomed).doesNotContainKey("160903007"); // full-time employment: a finding, not mapped
    }

    @Test
    void theAllergenListHasDrugsInRxNormAndALocalListWithoutDuplicates() {
        assertThat(allergens).hasSizeBetween(150, 300);
        Map<String, List<AllergenRecord>> bySystem = allergens.stream()
                .collect(Collectors.groupingBy(AllergenRecord::system));
        assertThat(bySystem.get(CodeSystems.RXNORM)).hasSizeGreaterThanOrEqualTo(150)
                .allMatch(a -> a.category() == AllergenCategory.DRUG);
        assertThat(allergens.stream().map(a -> a.system() + "|" + a.code()).distinct().count())
                .isEqualTo(allergens.size());
        assertThat(allergens.stream().map(a -> a.display().toLowerCase()).distinct().count())
                .as("no allergen listed twice under two codes").isEqualTo(allergens.size());
        Map<String, AllergenRecord> byCode = allergens.stream()
                .collect(Collectors.toMap(a -> a.system() + "|" + a.code(), Function.identity()));
        // the RxNorm codes of the Synthea sample's drug allergies
        assertThat(byCode.get(CodeSystems.RXNORM + "|1191").display()).isEqualTo("Aspirin");
        assertThat(byCode).containsKeys(CodeSystems.RXNORM + "|7984", CodeSystems.RXNORM + "|10831",
                CodeSystems.RXNORM + "|29046", CodeSystems.RXNORM + "|25037", CodeSystems.RXNORM + "|5640",
                CodeSystems.RXNORM + "|723", CodeSystems.RXNORM + "|2670");
        AllergenRecord peanut = byCode.get(CodeSystems.LOCAL_ALLERGEN + "|food-peanut");
        assertThat(peanut.category()).isEqualTo(AllergenCategory.FOOD);
        assertThat(peanut.snomedCode()).isEqualTo("762952008");
        assertThat(byCode.get(CodeSystems.LOCAL_ALLERGEN + "|env-latex").snomedCode()).isEqualTo("111088007");
        assertThat(allergens).extracting(AllergenRecord::category).contains(AllergenCategory.values());
    }

    @Test
    void aBadCsvRowIsRefusedWithItsLine() {
        String csv = "system,code,display,category,snomed\nrxnorm,1191,Aspirin,drug,\nrxnorm,ABC,Bad,drug,\n";
        assertThatThrownBy(() -> CodeSetCsv.allergens(new StringReader(csv))).isInstanceOf(CmsFileException.class)
                .hasMessageStartingWith("Line 3: ");
        String dup = "system,code,display,category,snomed\nlocal,food-egg,Egg,food,\nlocal,food-egg,Eggs,food,\n";
        assertThatThrownBy(() -> CodeSetCsv.allergens(new StringReader(dup)))
                .hasMessage("Line 3: food-egg is listed twice (first on line 2)");
        String badMap = "snomed_code,snomed_display,icd10cm_code,note\n44054006,Diabetes,E11.9,\n59621000,HT,X,\n";
        assertThatThrownBy(() -> CodeSetCsv.snomedMap(new StringReader(badMap)))
                .hasMessageStartingWith("Line 3: ");
    }

    @Test
    void theMigrationChecksumCoversTheResources() {
        assertThat(new LoadCodeSets().getChecksum()).isNotNull().isEqualTo(new LoadCodeSets().getChecksum());
        assertThat(new LoadCodeSets().getVersion().getVersion()).isEqualTo("17.2");
    }
}
