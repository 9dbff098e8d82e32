package org.asclepius.hms.patient.matching;

import static org.asclepius.hms.patient.matching.Person.mary;
import static org.asclepius.hms.patient.matching.Person.william;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.asclepius.hms.patient.matching.FieldComparison.Agreement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PatientMatcherTest {
    private final PatientMatcher matcher = PatientMatcher.standard();

    private MatchResult compare(Person a, Person b) {
        return matcher.compare(a.data(), b.data());
    }

    private FieldComparison field(Person a, Person b, String name) {
        return compare(a, b).field(name);
    }

    @Nested
    class WholeRecords {
        @Test
        void identicalRecords_areCertain() {
            MatchResult r = compare(william(), william());
            assertThat(r.grade()).isEqualTo(MatchGrade.CERTAIN);
            assertThat(r.fields()).allMatch(f -> f.agreement() == Agreement.EXACT);
            assertThat(r.score()).isGreaterThan(60);
        }

        @Test
        void score_isTheSumOfFieldWeights() {
            MatchResult r = compare(william(), william().given("Bill").born(1980, 7, 3).phone(null));
            assertThat(r.score()).isCloseTo(r.fields().stream().mapToDouble(FieldComparison::weight).sum(),
                    within(1e-9));
        }

        @Test
        void comparison_isSymmetric() {
            Person a = william();
            Person b = william().given("Bil").born(1980, 7, 3).address("12 Main St.", "Boston", "02118");
            assertThat(compare(a, b).score()).isCloseTo(compare(b, a).score(), within(1e-9));
        }

        @Test
        void differentPeople_areCertainlyNot() {
            MatchResult r = compare(william(), mary());
            assertThat(r.grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
            assertThat(r.score()).isNegative();
        }

        @Test
        void explanations_nameTheAgreeingFields() {
            MatchResult r = compare(william(), william().given("Bill").phone(null).nationalId(null));
            assertThat(r.agreeing()).extracting(FieldComparison::field)
                    .containsExactly("family name", "given name", "middle name", "sex", "date of birth", "address");
            assertThat(r.agreeing()).extracting(FieldComparison::explanation)
                    .contains("given name: nickname (William = Bill)", "family name: same (Smith)");
            assertThat(r.field("phone").explanation()).isEqualTo("phone: missing on one or both records");
            assertThat(r.fields()).allSatisfy(f -> assertThat(f.explanation()).startsWith(f.field() + ": "));
        }

        @Test
        void duplicateWithoutNationalId_thatMovedAndChangedPhone_isStillProbable() {
            Person dup = william().nationalId(null).phone("617-555-9999")
                    .address("88 Harbor Avenue", "Quincy", "02169");
            assertThat(compare(william(), dup).grade().isAtLeast(MatchGrade.PROBABLE)).isTrue();
        }

        @Test
        void sameNameSexAndBirthDate_withNothingElseOnFile_isProbable() {
            Person bare = william().middle(null).phone(null).address(null, null, null).nationalId(null);
            assertThat(compare(william(), bare).grade()).isEqualTo(MatchGrade.PROBABLE);
        }

        @Test
        void sameNameSexAndBirthDate_withDifferentPhoneAndAddress_andNoId_isOnlyPossible() {
            Person other = william().middle(null).phone("978-555-0000").address("1 Elm Road", "Salem", "01970")
                    .nationalId(null);
            assertThat(compare(william(), other).grade()).isEqualTo(MatchGrade.POSSIBLE);
        }

        @Test
        void typoedDuplicate_isCertain() {
            Person dup = william().family("Smiht").given("Wiliam");
            assertThat(compare(william(), dup).grade()).isEqualTo(MatchGrade.CERTAIN);
        }
    }

    @Nested
    class HardNegatives {
        @Test
        void twinsOfTheSameSex_stayBelowProbable() {
            Person twin = william().given("Thomas").middle("James").nationalId("999-12-7777");
            MatchResult r = compare(william(), twin);
            assertThat(r.grade().isAtLeast(MatchGrade.PROBABLE)).isFalse();
            assertThat(r.score()).isLessThan(PatientMatcher.PROBABLE_AT);
            assertThat(r.field("date of birth").explanation()).contains("twins?");
        }

        @Test
        void twinsOfTheOtherSex_stayBelowPossible() {
            Person twin = william().given("Emily").middle(null).sex("FEMALE").nationalId("999-12-7777");
            assertThat(compare(william(), twin).grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
        }

        @Test
        void twinsWithSimilarNamesOfTheOtherSex_stayBelowProbable() {
            Person daniel = william().given("Daniel").middle(null).nationalId(null);
            Person danielle = william().given("Danielle").middle(null).sex("FEMALE").nationalId(null);
            MatchResult r = compare(daniel, danielle);
            assertThat(r.field("given name").agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(r.grade().isAtLeast(MatchGrade.PROBABLE)).isFalse();
            assertThat(r.field("address").weight()).isCloseTo(MatchWeights.ADDRESS_EXACT_RELATIVES.weight(),
                    within(1e-9));
        }

        @Test
        void twinsWithoutNationalIds_stayBelowProbable() {
            Person twin = william().given("Thomas").middle(null).nationalId(null);
            assertThat(compare(william().middle(null), twin).grade().isAtLeast(MatchGrade.PROBABLE)).isFalse();
        }

        @Test
        void relativeSharingAddressAndPhone_isCertainlyNot() {
            Person father = william().given("George").middle("Allen").born(1952, 10, 2).nationalId("999-31-0001");
            assertThat(compare(william(), father).grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
            assertThat(compare(william(), father).field("phone").explanation()).contains("shared");
        }

        @Test
        void sameNameAndBirthDate_differentIdAndAddress_isNotProbable() {
            Person namesake = william().middle("Robert").phone("781-555-0101")
                    .address("3 Oak Lane", "Lowell", "01852").nationalId("999-77-4242");
            assertThat(compare(william(), namesake).grade().isAtLeast(MatchGrade.PROBABLE)).isFalse();
        }

        @Test
        void sameNameAndBirthDate_inTheSamePostalCode_isNotProbable() {
            Person namesake = william().middle(null).phone("781-555-0101")
                    .address("77 Beacon Street", "Boston", "02118").nationalId("999-77-4242");
            assertThat(compare(william(), namesake).grade().isAtLeast(MatchGrade.PROBABLE)).isFalse();
        }

        @Test
        void nationalIdDisagreement_weighsStronglyAgainst() {
            FieldComparison f = field(william(), william().nationalId("999-88-1111"), "national ID");
            assertThat(f.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(f.weight()).isLessThan(-9);
        }
    }

    @Nested
    class GivenName {
        @Test
        void exact_ignoresCaseAccentsAndSyntheaDigits() {
            FieldComparison f = field(william().given("Zoë"), william().given("zoe123"), "given name");
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(f.weight()).isCloseTo(MatchWeights.GIVEN_EXACT.weight(), within(1e-9));
        }

        @Test
        void nickname_isPartialWithExplanation() {
            FieldComparison f = field(william(), william().given("Bill"), "given name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.weight()).isCloseTo(MatchWeights.GIVEN_NICKNAME.weight(), within(1e-9));
            assertThat(f.explanation()).isEqualTo("given name: nickname (William = Bill)");
        }

        @Test
        void nicknames_ofOneGroup_matchEachOther() {
            assertThat(field(william().given("Bob"), william().given("Robert"), "given name").weight())
                    .isCloseTo(MatchWeights.GIVEN_NICKNAME.weight(), within(1e-9));
            assertThat(field(william().given("Liz"), william().given("Beth"), "given name").weight())
                    .isCloseTo(MatchWeights.GIVEN_NICKNAME.weight(), within(1e-9));
            assertThat(field(william().given("Betsy"), william().given("Elizabeth"), "given name").weight())
                    .isCloseTo(MatchWeights.GIVEN_NICKNAME.weight(), within(1e-9));
        }

        @Test
        void typo_isPartial() {
            FieldComparison f = field(william(), william().given("Willaim"), "given name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.weight()).isCloseTo(MatchWeights.GIVEN_TYPO.weight(), within(1e-9));
            assertThat(f.explanation()).isEqualTo("given name: spelt differently (William ~ Willaim)");
        }

        @Test
        void soundAlike_isPartialButWeak() {
            FieldComparison f = field(william().given("Catherine"), william().given("Kathryn"), "given name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.explanation()).startsWith("given name: ");
            assertThat(f.weight()).isPositive().isLessThan(MatchWeights.GIVEN_EXACT.weight());
        }

        @Test
        void phoneticOnly_usesThePhoneticLevel() {
            FieldComparison f = field(william().given("Philip"), william().given("Filip"), "given name");
            assertThat(f.weight()).isCloseTo(MatchWeights.GIVEN_PHONETIC.weight(), within(1e-9));
            assertThat(f.explanation()).isEqualTo("given name: sounds alike (Philip ~ Filip)");
        }

        @Test
        void initial_isBetterThanDisagreement() {
            FieldComparison initial = field(william(), william().given("W."), "given name");
            FieldComparison other = field(william(), william().given("Thomas"), "given name");
            assertThat(initial.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(other.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(initial.weight()).isGreaterThan(other.weight());
            assertThat(other.weight()).isCloseTo(MatchWeights.GIVEN_DISAGREE.weight(), within(1e-9));
        }

        @Test
        void givenAndFamilySwapped_isRecognised() {
            MatchResult r = compare(william(), william().given("Smith").family("William"));
            assertThat(r.field("family name").agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(r.field("family name").explanation()).contains("swapped with given name");
            assertThat(r.field("given name").explanation()).contains("swapped with family name");
            assertThat(r.grade()).isEqualTo(MatchGrade.CERTAIN);
        }
    }

    @Nested
    class FamilyName {
        @Test
        void soundAlike_explainsIt() {
            FieldComparison f = field(william().family("Smith"), william().family("Schmidt"), "family name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.explanation()).isEqualTo("family name: sounds alike (Smith ~ Schmidt)");
        }

        @Test
        void typo_isPartial() {
            FieldComparison f = field(william().family("Smith"), william().family("Smyth"), "family name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.weight()).isCloseTo(MatchWeights.FAMILY_TYPO.weight(), within(1e-9));
        }

        @Test
        void maidenName_matchesTheOthersFamilyName() {
            Person married = mary();
            Person registeredUnderBirthName = mary().family("Carter").maiden(null);
            FieldComparison f = field(married, registeredUnderBirthName, "family name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.weight()).isCloseTo(MatchWeights.FAMILY_MAIDEN.weight(), within(1e-9));
            assertThat(f.explanation()).isEqualTo("family name: Carter is the maiden name of Mary Johnson");
            assertThat(compare(married, registeredUnderBirthName).grade()).isEqualTo(MatchGrade.CERTAIN);
        }

        @Test
        void compoundName_sharingAPart_isPartial() {
            FieldComparison f = field(william().family("Garcia Lopez"), william().family("Garcia"), "family name");
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.explanation()).contains("one part matches");
        }

        @Test
        void differentName_disagrees() {
            FieldComparison f = field(william().family("Smith"), william().family("Nguyen"), "family name");
            assertThat(f.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(f.weight()).isNegative();
        }
    }

    @Nested
    class BirthDate {
        private FieldComparison dob(LocalDate a, LocalDate b) {
            return field(william().born(a), william().born(b), "date of birth");
        }

        @Test
        void exact() {
            FieldComparison f = dob(LocalDate.of(1980, 3, 7), LocalDate.of(1980, 3, 7));
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(f.weight()).isCloseTo(MatchWeights.BIRTH_EXACT.weight(), within(1e-9));
        }

        @Test
        void dayAndMonthSwapped() {
            FieldComparison f = dob(LocalDate.of(1980, 3, 7), LocalDate.of(1980, 7, 3));
            assertThat(f.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(f.weight()).isCloseTo(MatchWeights.BIRTH_DAY_MONTH_SWAPPED.weight(), within(1e-9));
            assertThat(f.explanation()).startsWith("date of birth: day and month swapped");
        }

        @Test
        void yearOffByOneOrTen() {
            assertThat(dob(LocalDate.of(1980, 3, 7), LocalDate.of(1979, 3, 7)).weight())
                    .isCloseTo(MatchWeights.BIRTH_YEAR_OFF.weight(), within(1e-9));
            assertThat(dob(LocalDate.of(1980, 3, 7), LocalDate.of(1990, 3, 7)).explanation())
                    .startsWith("date of birth: year off by 10");
        }

        @Test
        void oneDigitTypo() {
            FieldComparison f = dob(LocalDate.of(1980, 3, 17), LocalDate.of(1980, 3, 27));
            assertThat(f.weight()).isCloseTo(MatchWeights.BIRTH_ONE_DIGIT.weight(), within(1e-9));
            assertThat(f.explanation()).startsWith("date of birth: one digit differs");
        }

        @Test
        void adjacentDigitsTransposed_countAsOneDigitTypo() {
            assertThat(dob(LocalDate.of(1980, 3, 12), LocalDate.of(1980, 3, 21)).weight())
                    .isCloseTo(MatchWeights.BIRTH_ONE_DIGIT.weight(), within(1e-9));
        }

        @Test
        void sameYearAndMonth() {
            assertThat(dob(LocalDate.of(1980, 3, 7), LocalDate.of(1980, 3, 29)).weight())
                    .isCloseTo(MatchWeights.BIRTH_SAME_YEAR_MONTH.weight(), within(1e-9));
        }

        @Test
        void different() {
            FieldComparison f = dob(LocalDate.of(1980, 3, 7), LocalDate.of(1955, 8, 30));
            assertThat(f.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(f.weight()).isCloseTo(MatchWeights.BIRTH_DISAGREE.weight(), within(1e-9)).isNegative();
        }

        @Test
        void levels_areOrderedByStrength() {
            assertThat(MatchWeights.BIRTH_EXACT.weight()).isGreaterThan(MatchWeights.BIRTH_DAY_MONTH_SWAPPED.weight());
            assertThat(MatchWeights.BIRTH_DAY_MONTH_SWAPPED.weight()).isGreaterThan(MatchWeights.BIRTH_ONE_DIGIT.weight());
            assertThat(MatchWeights.BIRTH_ONE_DIGIT.weight()).isGreaterThan(0);
            assertThat(MatchWeights.BIRTH_DISAGREE.weight()).isLessThan(0);
        }
    }

    @Nested
    class OtherFields {
        @Test
        void sex_exactDisagreeAndUnknown() {
            assertThat(field(william(), william().sex("M"), "sex").agreement()).isEqualTo(Agreement.EXACT);
            assertThat(field(william(), william().sex("FEMALE"), "sex").weight())
                    .isCloseTo(MatchWeights.SEX_DISAGREE.weight(), within(1e-9)).isNegative();
            FieldComparison unknown = field(william(), william().sex("UNKNOWN"), "sex");
            assertThat(unknown.agreement()).isEqualTo(Agreement.MISSING);
            assertThat(unknown.weight()).isZero();
        }

        @Test
        void phone_comparesTheLastSevenDigits() {
            FieldComparison f = field(william().phone("+1 (617) 555-0134"), william().phone("5550134"), "phone");
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(f.weight()).isCloseTo(MatchWeights.PHONE_EXACT.weight(), within(1e-9));
            assertThat(field(william(), william().phone("617-555-0135"), "phone").agreement())
                    .isEqualTo(Agreement.DISAGREE);
            assertThat(field(william(), william().phone("12-34"), "phone").agreement()).isEqualTo(Agreement.MISSING);
        }

        @Test
        void phoneSharedByRelatives_weighsLittle() {
            FieldComparison shared = field(william(), william().given("George"), "phone");
            assertThat(shared.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(shared.weight()).isCloseTo(MatchWeights.PHONE_EXACT_RELATIVES.weight(), within(1e-9))
                    .isLessThan(MatchWeights.PHONE_EXACT.weight() / 3);
        }

        @Test
        void address_normalisesStreetWords() {
            FieldComparison f = field(william(), william().address("12 MAIN ST.", "boston", "02118-1234"), "address");
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(f.weight()).isCloseTo(MatchWeights.ADDRESS_EXACT.weight(), within(1e-9));
        }

        @Test
        void address_levels() {
            assertThat(field(william(), william().address("12 Mian Street", "Boston", "02118"), "address").weight())
                    .isCloseTo(MatchWeights.ADDRESS_SIMILAR.weight(), within(1e-9));
            assertThat(field(william(), william().address("9 Park Drive", "Boston", "02118"), "address").weight())
                    .isCloseTo(MatchWeights.ADDRESS_SAME_AREA.weight(), within(1e-9));
            FieldComparison moved = field(william(), william().address("9 Park Drive", "Salem", "01970"), "address");
            assertThat(moved.agreement()).isEqualTo(Agreement.DISAGREE);
            assertThat(moved.weight()).isCloseTo(MatchWeights.ADDRESS_DISAGREE.weight(), within(1e-9));
            assertThat(field(william(), william().address(null, "Boston", null), "address").agreement())
                    .isEqualTo(Agreement.MISSING);
        }

        @Test
        void placeholderPostalCode_countsAsMissing() {
            FieldComparison f = field(william(), william().address("12 Main Street", "Boston", "00000"), "address");
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
        }

        @Test
        void nationalId_exactIgnoresFormatting() {
            FieldComparison f = field(william(), william().nationalId("999 12 3456"), "national ID");
            assertThat(f.agreement()).isEqualTo(Agreement.EXACT);
            assertThat(f.weight()).isCloseTo(MatchWeights.NATIONAL_ID_EXACT.weight(), within(1e-9));
        }

        @Test
        void nationalId_oneTranspositionOrTypo_isPartial() {
            FieldComparison transposed = field(william(), william().nationalId("999-21-3456"), "national ID");
            FieldComparison typo = field(william(), william().nationalId("999-12-3457"), "national ID");
            assertThat(transposed.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(typo.agreement()).isEqualTo(Agreement.PARTIAL);
            assertThat(typo.weight()).isCloseTo(MatchWeights.NATIONAL_ID_TYPO.weight(), within(1e-9));
            assertThat(field(william(), william().nationalId("999-21-3457"), "national ID").agreement())
                    .isEqualTo(Agreement.DISAGREE);
        }

        @Test
        void middleName_initialIsPartial_missingIsNeutral() {
            assertThat(field(william(), william().middle("H."), "middle name").agreement())
                    .isEqualTo(Agreement.PARTIAL);
            assertThat(field(william(), william().middle(null), "middle name").weight()).isZero();
            assertThat(field(william(), william().middle("Oscar"), "middle name").agreement())
                    .isEqualTo(Agreement.DISAGREE);
        }
    }

    @Nested
    class NullSafety {
        @Test
        void nullRecords_compareAsMissing() {
            MatchResult r = matcher.compare(null, null);
            assertThat(r.score()).isZero();
            assertThat(r.fields()).hasSize(8).allMatch(f -> f.agreement() == Agreement.MISSING);
            assertThat(r.grade()).isEqualTo(MatchGrade.CERTAINLY_NOT);
        }

        @Test
        void allFieldsNull_orBlank_compareAsMissing() {
            MatchCandidateData blank = new MatchCandidateData(" ", "", "  ", null, "", null, " ", "", null, "", " ");
            MatchResult r = matcher.compare(blank, william().data());
            assertThat(r.fields()).allMatch(f -> f.agreement() == Agreement.MISSING);
            assertThat(matcher.blockingKeys(blank)).isEmpty();
            assertThat(matcher.blockingKeys(null)).isEmpty();
        }

        @Test
        void namesOfDigitsOnly_orPunctuation_countAsMissing() {
            MatchResult r = matcher.compare(william().family("123").given("--").data(), william().data());
            assertThat(r.field("family name").agreement()).isEqualTo(Agreement.MISSING);
            assertThat(r.field("given name").agreement()).isEqualTo(Agreement.MISSING);
        }
    }

    @Nested
    class Grades {
        @Test
        void thresholds_areOrdered_andGradesFollowThem() {
            assertThat(PatientMatcher.CERTAIN_AT).isGreaterThan(PatientMatcher.PROBABLE_AT);
            assertThat(PatientMatcher.PROBABLE_AT).isGreaterThan(PatientMatcher.POSSIBLE_AT);
            assertThat(PatientMatcher.gradeOf(PatientMatcher.CERTAIN_AT)).isEqualTo(MatchGrade.CERTAIN);
            assertThat(PatientMatcher.gradeOf(PatientMatcher.CERTAIN_AT - 0.01)).isEqualTo(MatchGrade.PROBABLE);
            assertThat(PatientMatcher.gradeOf(PatientMatcher.PROBABLE_AT - 0.01)).isEqualTo(MatchGrade.POSSIBLE);
            assertThat(PatientMatcher.gradeOf(PatientMatcher.POSSIBLE_AT - 0.01)).isEqualTo(MatchGrade.CERTAINLY_NOT);
        }

        @Test
        void fhirCodes() {
            assertThat(MatchGrade.CERTAIN.fhirCode()).isEqualTo("certain");
            assertThat(MatchGrade.PROBABLE.fhirCode()).isEqualTo("probable");
            assertThat(MatchGrade.POSSIBLE.fhirCode()).isEqualTo("possible");
            assertThat(MatchGrade.CERTAINLY_NOT.fhirCode()).isEqualTo("certainly-not");
            assertThat(MatchGrade.CERTAIN.isAtLeast(MatchGrade.PROBABLE)).isTrue();
            assertThat(MatchGrade.POSSIBLE.isAtLeast(MatchGrade.PROBABLE)).isFalse();
        }
    }
}
