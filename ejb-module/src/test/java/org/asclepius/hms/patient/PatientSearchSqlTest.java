package org.asclepius.hms.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientSearchSqlTest {

    @Test
    void nameParts_onPostgresql_matchByPrefixOrMisspelledAndAreRanked() {
        var sql = new PatientSearchSql(PatientSearchSql.Dialect.POSTGRESQL, PatientQuery.byName("Jonhson al")).page(0, 20);
        assertThat(sql.sql()).contains("p.name_key like ? or ? <% p.name_key").contains("order by relevance desc")
                .contains("limit ? offset ?");
        // long part: prefix and fuzzy; short part ("al"): prefix only
        assertThat(sql.parameters()).containsSubsequence("% jonhson%", "jonhson", "% al%", 20, 0);
        assertThat(sql.sql()).doesNotContain("Jonhson");
    }

    @Test
    void nameParts_onH2_matchByPrefixOnly_orderedByName() {
        var sql = new PatientSearchSql(PatientSearchSql.Dialect.H2, PatientQuery.byName("smith jo")).page(20, 10);
        assertThat(sql.sql()).doesNotContain("<%").doesNotContain("word_similarity")
                .contains("order by p.family_name, p.given_name");
        assertThat(sql.parameters()).containsExactly("% smith%", "% jo%", 10, 20);
    }

    @Test
    void userInput_isAlwaysBound_andLikeWildcardsAreRemoved() {
        var sql = new PatientSearchSql(PatientSearchSql.Dialect.POSTGRESQL,
                PatientQuery.byName("o'brien%_ x'; drop table patient; --")).count();
        assertThat(sql.sql()).doesNotContain("drop").doesNotContain("brien");
        assertThat(sql.parameters()).allSatisfy(p -> assertThat(p.toString()).doesNotContain("%_"));
    }

    @Test
    void otherCriteria_becomeBoundConditions() {
        PatientQuery q = PatientQuery.EMPTY.withBirthDate(LocalDate.of(1980, 1, 2)).withMrn(" 10000008 ")
                .withSex(Sex.FEMALE).withPhone("+1 (555) 010-0199").withPostalCode(" 02081 ")
                .withIdentifier(IdentifierType.NATIONAL_ID, "ab-123 456");
        var sql = new PatientSearchSql(PatientSearchSql.Dialect.H2, q).count();
        assertThat(sql.sql()).contains("p.birth_date = ?").contains("p.mrn = ?").contains("p.sex = ?")
                .contains("p.phone_key like ?").contains("upper(p.address_postal_code) = ?")
                .contains("i.id_value = ?").contains("i.id_type = ?");
        assertThat(sql.parameters()).containsExactly(LocalDate.of(1980, 1, 2), "10000008", "FEMALE", "%5550100199",
                "02081", "AB-123456", "NATIONAL_ID");
    }

    @Test
    void phoneTail_keepsTheLastTenDigits() {
        assertThat(PatientSearchSql.phoneTail("+44 20 7946 0958")).isEqualTo("2079460958");
        assertThat(PatientSearchSql.phoneTail("555-0101")).isEqualTo("5550101");
        assertThat(PatientSearchSql.phoneTail("call me")).isEmpty();
    }

    @Test
    void sexAlone_isNotASearch() {
        assertThat(PatientQuery.EMPTY.withSex(Sex.MALE).isEmpty()).isTrue();
        assertThat(PatientQuery.EMPTY.withPhone("555 0101").isEmpty()).isFalse();
    }
}
