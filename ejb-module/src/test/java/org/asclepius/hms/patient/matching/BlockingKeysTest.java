package org.asclepius.hms.patient.matching;

import static org.asclepius.hms.patient.matching.Person.mary;
import static org.asclepius.hms.patient.matching.Person.william;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {
    private final PatientMatcher matcher = PatientMatcher.standard();

    private boolean shareABlock(Person a, Person b) {
        Set<String> keys = new HashSet<>(matcher.blockingKeys(a.data()));
        keys.retainAll(matcher.blockingKeys(b.data()));
        return !keys.isEmpty();
    }

    /** The duplicate keeps none of the exact identifiers: no phone, no national ID, no postal code. */
    private Person bare(Person p) {
        return p.phone(null).nationalId(null).address(null, null, null);
    }

    @Test
    void familyNameTypo_sharesABlock() {
        assertThat(shareABlock(william(), bare(william().family("Smyth")))).isTrue();
    }

    @Test
    void nickname_withSwappedDayAndMonth_sharesABlock() {
        assertThat(shareABlock(william(), bare(william().given("Bill").family("Smithers").born(1980, 7, 3))))
                .isTrue();
    }

    @Test
    void swappedDayAndMonth_sharesTheGivenNameBlock() {
        assertThat(matcher.blockingKeys(william().data()))
                .containsAll(matcher.blockingKeys(bare(william().family("Zzz").born(1980, 7, 3)).data()).stream()
                        .filter(k -> k.startsWith("G|")).toList());
    }

    @Test
    void birthYearTypo_sharesTheGivenNameBlock() {
        assertThat(shareABlock(william(), bare(william().born(1981, 3, 7)))).isTrue();
    }

    @Test
    void givenAndFamilySwapped_shareABlock() {
        assertThat(shareABlock(william(), bare(william().given("Smith").family("William")))).isTrue();
    }

    @Test
    void maidenName_sharesABlock() {
        assertThat(shareABlock(mary(), bare(mary().family("Carter").maiden(null)))).isTrue();
    }

    @Test
    void onlyPhoneOrOnlyNationalIdInCommon_stillSharesABlock() {
        Person other = william().family("Xu").given("Li").born(1999, 1, 1).address(null, null, null);
        assertThat(shareABlock(william(), other.nationalId(null))).isTrue();
        assertThat(shareABlock(william(), other.phone(null).nationalId("999-12-3456"))).isTrue();
    }

    @Test
    void unrelatedPeople_doNotShareABlock() {
        assertThat(shareABlock(william(), mary())).isFalse();
        assertThat(shareABlock(william(), william().family("Nguyen").given("Anh").born(1980, 3, 8)
                .phone("978-555-4321").nationalId("999-00-1111").address("5 Pine Street", "Lynn", "01901")))
                .isFalse();
    }

    @Test
    void keys_areSeveralPerRecord_andDeterministic() {
        Set<String> keys = matcher.blockingKeys(william().data());
        assertThat(keys).hasSizeGreaterThanOrEqualTo(7)
                .anyMatch(k -> k.startsWith("F|")).anyMatch(k -> k.startsWith("G|"))
                .anyMatch(k -> k.startsWith("P|")).anyMatch(k -> k.startsWith("N|"))
                .anyMatch(k -> k.startsWith("Z|")).anyMatch(k -> k.startsWith("L|"));
        assertThat(matcher.blockingKeys(william().data())).isEqualTo(keys);
    }

    @Test
    void recordWithoutBirthDate_stillHasPhoneAndIdKeys() {
        assertThat(matcher.blockingKeys(william().born(null).data())).containsExactlyInAnyOrder("P|5550134",
                "N|999123456");
    }
}
