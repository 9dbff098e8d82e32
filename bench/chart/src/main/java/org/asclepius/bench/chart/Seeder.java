package org.asclepius.bench.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.asclepius.bench.common.PooledIds;
import org.asclepius.bench.common.SchemaCheck;
import org.asclepius.hms.clinical.coding.AllergenRecord;
import org.asclepius.hms.clinical.notes.NoteBody;
import org.asclepius.hms.clinical.notes.NoteTemplate;
import org.asclepius.hms.clinical.orders.OrderKind;
import org.asclepius.hms.clinical.vitals.VitalSign;
import org.asclepius.hms.encounter.EncounterKind;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.patient.Patient;
import org.asclepius.hms.shared.Code;

/**
 * Seeds one patient with a long chart into the app's schema over JDBC, in one transaction: E encounters over ~15
 * years (outpatient, emergency, inpatient; all finished but the newest, an inpatient stay IN_PROGRESS whose
 * attending is the demo physician, so that the chart opens for {@code physician} on the ATTENDING basis), N vital
 * signs in sets (panels) spread over the encounters, ~30 problems and diagnoses in ICD-10-CM, 5 allergies with the
 * "allergies recorded" assessment, 15 medication lines (prescribed ones with their signed medication order; some
 * stopped), and notes (each with its signed version) and lab/imaging orders (each with its status history) across
 * the encounters. The rows are those the app's services write, under the same columns, check constraints and
 * sequences (ids by {@link PooledIds}; MRN from {@code mrn_seq} with the app's check digit; name key by
 * {@link Patient#nameKey}; LOINC codes and units from {@link VitalSign}; codes from the shipped code sets). Every row
 * carries {@code created_by = 'chart-bench'} where the table has the column; {@code --replace} removes an earlier
 * seed first.
 */
final class Seeder {
    static final String USER = "chart-bench";
    /** The demo physician (realm hms-realm.json): attending of the current encounter. */
    static final String PHYSICIAN = "physician";
    static final String GIVEN = "Margaret";
    static final String MIDDLE = "Ann";
    static final String FAMILY = "Holloway";
    private static final ZoneId HOSPITAL = ZoneId.of("America/New_York");
    private static final String[] CLINICIANS = {"dr.okafor", "dr.silva", "dr.chen", "dr.novak", "dr.haddad",
        "dr.rahman", "dr.larsen", "dr.sato"};
    private static final String[] NURSES = {"rn.alvarez", "rn.berg", "rn.costa", "rn.dubois", "rn.evans"};
    private static final String[] CLINICS = {"Internal medicine", "Internal medicine", "Cardiology",
        "Endocrinology", "Pulmonology", "Orthopaedics", "Nephrology"};
    private static final String[] WARDS = {"Internal medicine", "Cardiology", "Surgery", "Pulmonology"};
    /** The current stay (3 days so far): vital-sign sets, notes (admission note, daily progress), orders. */
    private static final int CURRENT_VITAL_SETS = 9;
    private static final int CURRENT_NOTES = 4;
    private static final int CURRENT_ORDERS = 10;

    /** Long-term problems: code, onset years ago, clinical status, verification (ICD-10-CM, dotted). */
    private static final String[][] PROBLEMS = {
        {"I10", "14", "ACTIVE", "CONFIRMED"},
        {"E11.9", "12", "ACTIVE", "CONFIRMED"},
        {"E78.5", "12", "ACTIVE", "CONFIRMED"},
        {"J45.909", "15", "ACTIVE", "CONFIRMED"},
        {"M17.11", "8", "ACTIVE", "CONFIRMED"},
        {"K21.9", "10", "ACTIVE", "CONFIRMED"},
        {"N18.30", "4", "ACTIVE", "CONFIRMED"},
        {"I48.91", "3", "ACTIVE", "CONFIRMED"},
        {"G47.33", "6", "ACTIVE", "PROVISIONAL"},
        {"M81.0", "5", "ACTIVE", "CONFIRMED"},
        {"F32.9", "9", "REMISSION", "CONFIRMED"},
        {"E03.9", "11", "RESOLVED", "CONFIRMED"},
    };
    /** Diagnoses of emergency and inpatient encounters: primary code, then secondary codes. */
    private static final String[][] DIAGNOSES = {
        {"J18.9", "N17.9"},
        {"N39.0"},
        {"I50.9", "I11.0"},
        {"R07.9"},
        {"J44.1", "R06.02"},
        {"L03.115"},
        {"R55", "R42"},
        {"I21.4", "I25.10"},
        {"K35.80"},
        {"K52.9"},
        {"J06.9"},
        {"R10.9", "D64.9"},
    };
    /** Allergies: system and code as in allergens.csv, type, reaction, severity, verification. */
    private static final String[][] ALLERGIES = {
        {"rxnorm", "7980", "ALLERGY", "anaphylaxis", "SEVERE", "CONFIRMED"},
        {"rxnorm", "10831", "ALLERGY", "generalised rash", "MODERATE", "CONFIRMED"},
        {"rxnorm", "2670", "INTOLERANCE", "nausea and vomiting", "MILD", "UNCONFIRMED"},
        {"local", "food-peanut", "ALLERGY", "throat swelling, hives", "SEVERE", "CONFIRMED"},
        {"local", "env-latex", "ALLERGY", "contact dermatitis", "MILD", "CONFIRMED"},
    };
    /**
     * The medication list: RxNorm code (order catalogue), dose, route, frequency, years since started, prescribed
     * (P) or reported (R), and the stop reason of a stopped line (empty: active).
     */
    private static final String[][] MEDICATIONS = {
        {"860975", "500 mg", "oral", "twice daily with meals", "11", "P", ""},
        {"314077", "20 mg", "oral", "once daily", "6", "P", ""},
        {"312961", "20 mg", "oral", "once daily at night", "9", "P", ""},
        {"243670", "81 mg", "oral", "once daily", "7", "R", ""},
        {"866412", "100 mg", "oral", "once daily", "3", "P", ""},
        {"313988", "40 mg", "oral", "once daily in the morning", "2", "P", ""},
        {"896209", "1 inhalation", "inhaled", "twice daily", "10", "P", ""},
        {"745752", "2 puffs", "inhaled", "every 4 hours as needed", "14", "P", ""},
        {"198440", "1000 mg", "oral", "every 6 hours as needed, max 3 g/day", "8", "R", ""},
        {"308136", "2.5 mg", "oral", "once daily", "1", "P", ""},
        {"855332", "5 mg", "oral", "once daily, dose per INR", "3", "P", "replaced by a direct anticoagulant"},
        {"314076", "10 mg", "oral", "once daily", "12", "P", "dose increased to 20 mg"},
        {"314231", "10 mg", "oral", "once daily at night", "12", "P", "dose increased to 20 mg"},
        {"310965", "400 mg", "oral", "three times daily as needed", "8", "R", "stopped: chronic kidney disease"},
        {"308192", "500 mg", "oral", "three times daily for 7 days", "2", "P", "course completed"},
    };
    private static final String[] LAB = {"58410-2", "51990-0", "24323-8", "57698-3", "4548-4", "3016-3", "24356-8",
        "2160-0", "6301-6", "1988-5", "2345-7", "6598-7", "2823-3", "718-7"};
    private static final String[] SUBJECTIVE = {"Feels well, no new complaints.", "Reports more breathlessness on"
            + " exertion over two weeks.", "Knee pain worse after walking; sleeping poorly.", "Here for diabetes and"
            + " blood pressure review.", "Cough with green sputum for four days, fever at home.", "Dizzy on standing"
            + " since the dose change.", "Chest tightness this morning, resolved with rest."};
    private static final String[] OBJECTIVE = {"Alert, well perfused. Chest clear, heart sounds normal, no oedema.",
        "Mild bibasal crackles, trace ankle oedema. Abdomen soft.", "Right knee: crepitus, small effusion, full"
            + " extension.", "Wheeze on expiration, no accessory muscle use.", "Afebrile, chest clear, no focal"
            + " signs."};
    private static final String[] ASSESSMENT = {"Stable chronic conditions.", "Hypertension controlled, HbA1c"
            + " slightly above target.", "Likely viral infection, no sign of pneumonia.", "Osteoarthritis flare.",
        "Heart failure, mildly decompensated.", "Asthma, partially controlled."};
    private static final String[] PLAN = {"Continue current medication. Review in 3 months with labs.", "Increase"
            + " diuretic for 3 days, weigh daily, return if weight rises.", "Simple analgesia, physiotherapy"
            + " referral.", "Step up inhaled therapy, check technique.", "Safety-net advice given; review if not"
            + " improving in 48 hours."};

    /** The columns each table must be able to take from this seeder (others must be nullable or defaulted). */
    private static final Map<String, Set<String>> WRITTEN = Map.ofEntries(
            Map.entry("patient", Set.of("id", "mrn", "family_name", "given_name", "middle_name", "name_key", "sex",
                    "birth_date", "version", "created_at", "created_by", "updated_at", "updated_by")),
            Map.entry("encounter", Set.of("id", "patient_id", "kind", "department", "attending", "status",
                    "started_at", "ended_at", "version", "created_at", "created_by", "updated_at", "updated_by")),
            Map.entry("observation", Set.of("id", "patient_id", "encounter_id", "panel_id", "kind", "code",
                    "value_number", "value_second", "unit", "derived", "effective_at", "status", "error_reason",
                    "version", "created_at", "created_by", "updated_at", "updated_by")),
            Map.entry("clinical_condition", Set.of("id", "patient_id", "encounter_id", "category", "code_system",
                    "code", "display", "onset_date", "abatement_date", "clinical_status", "verification",
                    "diagnosis_rank", "primary_encounter_id", "version", "created_at", "created_by", "updated_at",
                    "updated_by")),
            Map.entry("allergy", Set.of("id", "patient_id", "allergen_system", "allergen_code", "allergen",
                    "category", "allergy_type", "reaction", "severity", "clinical_status", "verification",
                    "version", "created_at", "created_by", "updated_at", "updated_by")),
            Map.entry("allergy_assessment", Set.of("id", "patient_id", "assessment", "recorded_at", "recorded_by")),
            Map.entry("clinical_order", Set.of("id", "patient_id", "encounter_id", "kind", "code_system", "code",
                    "display", "priority", "reason", "dose", "route", "frequency", "status", "ordered_by",
                    "signed_by", "signed_at", "status_reason", "version", "created_at", "created_by", "updated_at",
                    "updated_by")),
            Map.entry("order_status_change", Set.of("id", "order_id", "status", "changed_at", "changed_by",
                    "note")),
            Map.entry("medication", Set.of("id", "patient_id", "order_id", "code_system", "code", "display", "dose",
                    "route", "frequency", "source", "status", "started_on", "stopped_at", "stopped_by",
                    "stop_reason", "version", "created_at", "created_by", "updated_at", "updated_by")),
            Map.entry("clinical_note", Set.of("id", "patient_id", "encounter_id", "template", "title", "status",
                    "author", "signed_by", "signed_at", "version", "created_at", "created_by", "updated_at",
                    "updated_by")),
            Map.entry("clinical_note_version", Set.of("id", "note_id", "number", "kind", "body", "reason",
                    "signed_by", "signed_at")));

    private Seeder() {
    }

    /** What was written. */
    record Seeded(long patientId, String mrn, int encounters, int observations, int problems, int diagnoses,
            int allergies, int medications, int activeMedications, int notes, int orders) {
    }

    /** An encounter as seeded. */
    private record Enc(long id, EncounterKind kind, String department, String attending, OffsetDateTime start,
            OffsetDateTime end) {
        boolean current() {
            return end == null;
        }

        OffsetDateTime until(OffsetDateTime now) {
            return end == null ? now : end;
        }
    }

    static Seeded seed(Connection c, int encounterCount, int observationCount, int noteCount, int orderCount,
            boolean replace, long seed) throws SQLException {
        SchemaCheck.requireFilled(c, WRITTEN);
        if (encounterCount < 20 || observationCount < encounterCount) {
            throw new IllegalArgumentException("at least 20 encounters and one vital sign per encounter");
        }
        CodeSets codes = new CodeSets();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long earlier = count(c, "select count(*) from patient where created_by = '" + USER + "'");
            if (earlier > 0 && !replace) {
                throw new IllegalStateException("this database already holds a seed (" + earlier + " patient):"
                        + " add --replace to remove it first");
            }
            remove(c);
            Ids ids = new Ids(c);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            SplittableRandom random = new SplittableRandom(seed);

            List<Enc> encounters = encounters(random, ids, now, encounterCount);
            OffsetDateTime first = encounters.get(0).start();
            long patientId = ids.patient.next();
            String mrn = MedicalRecordNumber.fromSequence(nextval(c, "mrn_seq"));
            try (PreparedStatement ps = c.prepareStatement("insert into patient (id, mrn, family_name, given_name,"
                    + " middle_name, name_key, sex, birth_date, version, created_at, created_by, updated_at,"
                    + " updated_by) values (?, ?, ?, ?, ?, ?, 'FEMALE', ?, 0, ?, ?, ?, ?)")) {
                ps.setLong(1, patientId);
                ps.setString(2, mrn);
                ps.setString(3, FAMILY);
                ps.setString(4, GIVEN);
                ps.setString(5, MIDDLE);
                ps.setString(6, Patient.nameKey(GIVEN, MIDDLE, FAMILY));
                ps.setObject(7, LocalDate.of(1948, 6, 2));
                stamp(ps, 8, first);
                ps.executeUpdate();
            }
            insertEncounters(c, patientId, encounters);
            int observations = insertVitals(c, ids, random, patientId, encounters, observationCount, now);
            int[] conditions = insertConditions(c, ids, codes, random, patientId, encounters, now);
            insertAllergies(c, ids, codes, patientId, encounters, now);
            int[] medications = insertMedications(c, ids, codes, random, patientId, encounters, now);
            int orders = insertOrders(c, ids, codes, random, patientId, encounters, orderCount, now);
            int notes = insertNotes(c, ids, random, patientId, encounters, noteCount, now);
            c.commit();
            try (Statement s = c.createStatement()) {
                for (String table : WRITTEN.keySet()) {
                    s.execute("analyze " + table);
                }
            }
            c.commit();
            return new Seeded(patientId, mrn, encounters.size(), observations, conditions[0], conditions[1],
                    ALLERGIES.length, medications[0], medications[1], notes, orders + medications[2]);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The pooled ids of every table written. */
    private static final class Ids {
        final PooledIds patient;
        final PooledIds encounter;
        final PooledIds observation;
        final PooledIds condition;
        final PooledIds allergy;
        final PooledIds assessment;
        final PooledIds order;
        final PooledIds statusChange;
        final PooledIds medication;
        final PooledIds note;
        final PooledIds noteVersion;

        Ids(Connection c) throws SQLException {
            patient = new PooledIds(c, "patient_seq");
            encounter = new PooledIds(c, "encounter_seq");
            observation = new PooledIds(c, "observation_seq");
            condition = new PooledIds(c, "clinical_condition_seq");
            allergy = new PooledIds(c, "allergy_seq");
            assessment = new PooledIds(c, "allergy_assessment_seq");
            order = new PooledIds(c, "clinical_order_seq");
            statusChange = new PooledIds(c, "order_status_change_seq");
            medication = new PooledIds(c, "medication_seq");
            note = new PooledIds(c, "clinical_note_seq");
            noteVersion = new PooledIds(c, "clinical_note_version_seq");
        }
    }

    // ---------------------------------------------------------------------------------------------- encounters

    /**
     * Oldest first: n-1 finished encounters started at random times over 15 years up to 5 days ago (70 % outpatient
     * visits of 15-60 minutes, 18 % emergency visits of 2-10 hours, 12 % inpatient stays of 1-10 days, each ended
     * before the next begins), then the current inpatient stay, begun 3 days ago, attended by the demo physician.
     */
    private static List<Enc> encounters(SplittableRandom random, Ids ids, OffsetDateTime now, int n)
            throws SQLException {
        long span = Duration.ofDays(15 * 365).toMinutes();
        long lastStart = span - Duration.ofDays(5).toMinutes();
        long[] starts = new long[n - 1];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = random.nextLong(lastStart);
        }
        java.util.Arrays.sort(starts);
        OffsetDateTime origin = now.minusMinutes(span).truncatedTo(ChronoUnit.MINUTES);
        List<Enc> list = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            OffsetDateTime start = origin.plusMinutes(starts[i]);
            OffsetDateTime limit = i + 1 < starts.length ? origin.plusMinutes(starts[i + 1]).minusMinutes(30)
                    : now.minusDays(4);
            double k = random.nextDouble();
            EncounterKind kind = k < 0.70 ? EncounterKind.OUTPATIENT : k < 0.88 ? EncounterKind.EMERGENCY
                    : EncounterKind.INPATIENT;
            long minutes = switch (kind) {
                case OUTPATIENT -> 15 + random.nextInt(46);
                case EMERGENCY -> 120 + random.nextInt(8 * 60);
                default -> Duration.ofDays(1).toMinutes() + random.nextLong(Duration.ofDays(9).toMinutes());
            };
            OffsetDateTime end = start.plusMinutes(minutes);
            if (end.isAfter(limit)) {
                end = limit.isAfter(start.plusMinutes(10)) ? limit : start.plusMinutes(10);
            }
            String department = switch (kind) {
                case OUTPATIENT -> CLINICS[random.nextInt(CLINICS.length)];
                case EMERGENCY -> "Emergency";
                default -> WARDS[random.nextInt(WARDS.length)];
            };
            list.add(new Enc(ids.encounter.next(), kind, department, CLINICIANS[random.nextInt(CLINICIANS.length)],
                    start, end));
        }
        list.add(new Enc(ids.encounter.next(), EncounterKind.INPATIENT, "Internal medicine", PHYSICIAN,
                now.minusDays(3).truncatedTo(ChronoUnit.MINUTES), null));
        return list;
    }

    private static void insertEncounters(Connection c, long patientId, List<Enc> encounters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into encounter (id, patient_id, kind, department,"
                + " attending, status, started_at, ended_at, version, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Enc e : encounters) {
                ps.setLong(1, e.id());
                ps.setLong(2, patientId);
                ps.setString(3, e.kind().name());
                ps.setString(4, e.department());
                ps.setString(5, e.attending());
                ps.setString(6, e.current() ? "IN_PROGRESS" : "FINISHED");
                ps.setObject(7, e.start());
                ps.setObject(8, e.end());
                ps.setLong(9, e.current() ? 1 : 2); // started, (finished)
                ps.setObject(10, e.start());
                ps.setString(11, USER);
                ps.setObject(12, e.current() ? e.start() : e.end());
                ps.setString(13, USER);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    // -------------------------------------------------------------------------------------------------- vitals

    /**
     * Vital-sign sets: one in every encounter, then more where patients are watched (an inpatient stay about three
     * a day, an emergency visit a few, an outpatient visit rarely a second), until exactly {@code target}
     * observations; the last set may be partial. A set is temperature, pulse, respiration, blood pressure, SpO2,
     * often pain, at times weight (with BMI derived from it and the latest height, as the app derives it) and now and
     * then height. 0.3 % are entered in error.
     */
    private static int insertVitals(Connection c, Ids ids, SplittableRandom random, long patientId, List<Enc> encs,
            int target, OffsetDateTime now) throws SQLException {
        double[] weights = new double[encs.size()];
        double total = 0;
        for (int i = 0; i < encs.size(); i++) {
            Enc e = encs.get(i);
            double days = Duration.between(e.start(), e.until(now)).toMinutes() / 1440.0;
            weights[i] = switch (e.kind()) {
                case INPATIENT -> 3 * Math.max(1, days);
                case EMERGENCY -> 2;
                default -> 0.05;
            };
            total += weights[i];
        }
        total -= weights[encs.size() - 1]; // the current stay has its own
        weights[encs.size() - 1] = 0;
        // the sets of each encounter, assigned first (one each, then by weight), timed afterwards
        int[] sets = new int[encs.size()];
        List<List<VitalSign>> contents = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        int count = 0;
        int i = 0;
        int current = encs.size() - 1;
        int first = encs.size() + CURRENT_VITAL_SETS - 1; // one set each, the current stay three a day so far
        while (count < target) {
            int e;
            if (i < first) {
                e = Math.min(i++, current);
            } else {
                double r = random.nextDouble() * total;
                e = 0;
                while (e < encs.size() - 1 && r >= weights[e]) {
                    r -= weights[e++];
                }
            }
            List<VitalSign> set = new ArrayList<>(List.of(VitalSign.TEMPERATURE, VitalSign.PULSE,
                    VitalSign.RESPIRATION, VitalSign.BLOOD_PRESSURE, VitalSign.SPO2));
            boolean outpatient = encs.get(e).kind() == EncounterKind.OUTPATIENT;
            if (random.nextDouble() < (outpatient ? 0.8 : 0.2) || e == 0) {
                set.add(VitalSign.WEIGHT);
            }
            if (random.nextDouble() < (outpatient ? 0.1 : 0.02) || e == 0) {
                set.add(VitalSign.HEIGHT);
            }
            if (random.nextDouble() < 0.6) {
                set.add(VitalSign.PAIN);
            }
            if (set.contains(VitalSign.WEIGHT)) {
                set.add(VitalSign.BMI); // derived (the app adds it after the values entered)
            }
            while (count + set.size() > target) {
                set.remove(set.size() - 1);
            }
            count += set.size();
            sets[e]++;
            contents.add(set);
            owner.add(e);
        }
        // times: the sets of an encounter evenly over it, in order
        Map<Integer, List<Integer>> byEncounter = new LinkedHashMap<>();
        for (int s = 0; s < owner.size(); s++) {
            byEncounter.computeIfAbsent(owner.get(s), k -> new ArrayList<>()).add(s);
        }
        record Timed(OffsetDateTime at, int encounter, List<VitalSign> kinds) {
        }
        List<Timed> timed = new ArrayList<>();
        byEncounter.forEach((e, list) -> {
            Enc enc = encs.get(e);
            long minutes = Math.max(1, Duration.between(enc.start(), enc.until(now)).toMinutes() - 5);
            for (int k = 0; k < list.size(); k++) {
                long at = 5 + minutes * k / list.size() + random.nextInt((int) Math.max(1, minutes / list.size()));
                timed.add(new Timed(enc.start().plusMinutes(Math.min(at, minutes)), e, contents.get(list.get(k))));
            }
        });
        timed.sort(Comparator.comparing(Timed::at));

        BigDecimal height = null;
        int written = 0;
        try (PreparedStatement ps = c.prepareStatement("insert into observation (id, patient_id, encounter_id,"
                + " panel_id, kind, code, value_number, value_second, unit, derived, effective_at, status, error_reason,"
                + " version, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Timed t : timed) {
                Enc enc = encs.get(t.encounter());
                double years = Duration.between(encs.get(0).start(), t.at()).toDays() / 365.0;
                boolean ill = enc.kind() != EncounterKind.OUTPATIENT;
                Map<VitalSign, BigDecimal[]> values = new EnumMap<>(VitalSign.class);
                for (VitalSign kind : t.kinds()) {
                    BigDecimal[] v = switch (kind) {
                        case TEMPERATURE -> one(36.4 + random.nextDouble() * (ill ? 2.2 : 0.9));
                        case PULSE -> one(62 + random.nextInt(ill ? 50 : 28));
                        case RESPIRATION -> one(12 + random.nextInt(ill ? 12 : 7));
                        case BLOOD_PRESSURE -> {
                            int sys = 112 + random.nextInt(ill ? 55 : 38);
                            yield new BigDecimal[] {BigDecimal.valueOf(sys),
                                BigDecimal.valueOf(sys - 38 - random.nextInt(22))};
                        }
                        case SPO2 -> one(ill ? 89 + random.nextInt(11) : 95 + random.nextInt(5));
                        case WEIGHT -> one(68 + 5 * Math.sin(years / 2.5) + years * 0.3 + random.nextDouble() * 1.5);
                        case HEIGHT -> one(163.5 - years * 0.12 + random.nextDouble() * 0.6);
                        case PAIN -> one(random.nextInt(ill ? 8 : 4));
                        case BMI -> null;
                    };
                    if (kind == VitalSign.HEIGHT) {
                        v[0] = v[0].setScale(kind.scale(), RoundingMode.HALF_UP);
                        height = v[0];
                    }
                    if (kind == VitalSign.BMI) {
                        BigDecimal weight = values.get(VitalSign.WEIGHT)[0];
                        BigDecimal metres = height.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
                        v = new BigDecimal[] {weight.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP)};
                    }
                    v[0] = v[0].setScale(kind.scale(), RoundingMode.HALF_UP).max(kind.min()).min(kind.max());
                    values.put(kind, v);
                }
                long panel = -1;
                for (Map.Entry<VitalSign, BigDecimal[]> entry : ordered(t.kinds(), values)) {
                    VitalSign kind = entry.getKey();
                    long id = ids.observation.next();
                    panel = panel < 0 ? id : panel;
                    boolean error = random.nextInt(1000) < 3;
                    OffsetDateTime recorded = t.at().plusMinutes(2);
                    ps.setLong(1, id);
                    ps.setLong(2, patientId);
                    ps.setLong(3, enc.id());
                    ps.setLong(4, panel);
                    ps.setString(5, kind.name());
                    ps.setString(6, kind.loinc());
                    ps.setBigDecimal(7, entry.getValue()[0]);
                    ps.setBigDecimal(8, entry.getValue().length > 1 ? entry.getValue()[1] : null);
                    ps.setString(9, kind.ucum());
                    ps.setBoolean(10, kind == VitalSign.BMI);
                    ps.setObject(11, t.at());
                    ps.setString(12, error ? "ENTERED_IN_ERROR" : "FINAL");
                    ps.setString(13, error ? "value typed into the wrong field" : null);
                    ps.setLong(14, error ? 1 : 0);
                    String by = NURSES[random.nextInt(NURSES.length)];
                    ps.setObject(15, recorded);
                    ps.setString(16, by);
                    ps.setObject(17, error ? recorded.plusMinutes(20) : recorded);
                    ps.setString(18, by);
                    ps.addBatch();
                    written++;
                    if (written % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        return written;
    }

    /** In the order the app persists a set (the form's order, BMI last). */
    private static List<Map.Entry<VitalSign, BigDecimal[]>> ordered(List<VitalSign> kinds,
            Map<VitalSign, BigDecimal[]> values) {
        List<Map.Entry<VitalSign, BigDecimal[]>> list = new ArrayList<>();
        for (VitalSign k : List.of(VitalSign.TEMPERATURE, VitalSign.PULSE, VitalSign.RESPIRATION,
                VitalSign.BLOOD_PRESSURE, VitalSign.SPO2, VitalSign.WEIGHT, VitalSign.HEIGHT, VitalSign.PAIN,
                VitalSign.BMI)) {
            if (kinds.contains(k)) {
                list.add(Map.entry(k, values.get(k)));
            }
        }
        return list;
    }

    private static BigDecimal[] one(double value) {
        return new BigDecimal[] {BigDecimal.valueOf(value)};
    }

    // ------------------------------------------------------------------------------------- problems, diagnoses

    /** [problems, diagnoses]. */
    private static int[] insertConditions(Connection c, Ids ids, CodeSets codes, SplittableRandom random,
            long patientId, List<Enc> encs, OffsetDateTime now) throws SQLException {
        int problems = 0;
        int diagnoses = 0;
        try (PreparedStatement ps = c.prepareStatement("insert into clinical_condition (id, patient_id, encounter_id,"
                + " category, code_system, code, display, onset_date, abatement_date, clinical_status, verification,"
                + " diagnosis_rank, primary_encounter_id, version, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String[] p : PROBLEMS) {
                Code code = codes.icd10cm(p[0]);
                Enc at = nearest(encs, now.minusDays(365L * Integer.parseInt(p[1])), EncounterKind.OUTPATIENT);
                boolean ended = !p[2].equals("ACTIVE");
                OffsetDateTime updated = ended ? at.start().plusDays(400) : at.start();
                condition(ps, ids.condition.next(), patientId, at.id(), "PROBLEM", code, date(at.start()),
                        p[2].equals("RESOLVED") ? date(updated) : null, p[2], p[3], null, null, ended ? 1 : 0,
                        at.start(), at.attending(), updated);
                problems++;
            }
            // diagnoses of emergency visits and inpatient stays spread over the years, the newest on the current stay
            List<Enc> acute = encs.stream().filter(e -> e.kind() != EncounterKind.OUTPATIENT).toList();
            for (int d = 0; d < DIAGNOSES.length; d++) {
                Enc e = d == DIAGNOSES.length - 1 ? encs.get(encs.size() - 1)
                        : acute.get((int) ((long) d * (acute.size() - 1) / (DIAGNOSES.length - 1)));
                for (int k = 0; k < DIAGNOSES[d].length; k++) {
                    boolean primary = k == 0;
                    Code code = codes.icd10cm(DIAGNOSES[d][k]);
                    condition(ps, ids.condition.next(), patientId, e.id(), "DIAGNOSIS", code, date(e.start()),
                            e.current() ? null : date(e.end()), e.current() ? "ACTIVE" : "RESOLVED", "CONFIRMED",
                            primary ? "PRIMARY" : "SECONDARY", primary ? e.id() : null, e.current() ? 0 : 1,
                            e.start().plusMinutes(40 + random.nextInt(60)), e.attending(), e.until(now));
                    diagnoses++;
                }
            }
            ps.executeBatch();
        }
        return new int[] {problems, diagnoses};
    }

    private static void condition(PreparedStatement ps, long id, long patientId, Long encounterId, String category,
            Code code, LocalDate onset, LocalDate abatement, String status, String verification, String rank,
            Long primaryEncounter, long version, OffsetDateTime created, String by, OffsetDateTime updated)
            throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, patientId);
        ps.setObject(3, encounterId, Types.BIGINT);
        ps.setString(4, category);
        ps.setString(5, code.system());
        ps.setString(6, code.code());
        ps.setString(7, code.display());
        ps.setObject(8, onset);
        ps.setObject(9, abatement, Types.DATE);
        ps.setString(10, status);
        ps.setString(11, verification);
        ps.setString(12, rank);
        ps.setObject(13, primaryEncounter, Types.BIGINT);
        ps.setLong(14, version);
        ps.setObject(15, created);
        ps.setString(16, by);
        ps.setObject(17, updated.isBefore(created) ? created : updated);
        ps.setString(18, by);
        ps.addBatch();
    }

    // -------------------------------------------------------------------------------------------------- allergies

    private static void insertAllergies(Connection c, Ids ids, CodeSets codes, long patientId, List<Enc> encs,
            OffsetDateTime now) throws SQLException {
        OffsetDateTime last = null;
        String lastBy = null;
        try (PreparedStatement ps = c.prepareStatement("insert into allergy (id, patient_id, allergen_system,"
                + " allergen_code, allergen, category, allergy_type, reaction, severity, clinical_status, verification,"
                + " version, created_at, created_by, updated_at, updated_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?, ?, ?)")) {
            for (int a = 0; a < ALLERGIES.length; a++) {
                String[] row = ALLERGIES[a];
                AllergenRecord allergen = codes.allergen(row[0], row[1]);
                Enc at = nearest(encs, now.minusDays(365L * (14 - 3 * a)), EncounterKind.OUTPATIENT);
                ps.setLong(1, ids.allergy.next());
                ps.setLong(2, patientId);
                ps.setString(3, allergen.system());
                ps.setString(4, allergen.code());
                ps.setString(5, allergen.display());
                ps.setString(6, switch (allergen.category()) {
                    case DRUG -> "MEDICATION";
                    case FOOD -> "FOOD";
                    case ENVIRONMENT -> "ENVIRONMENT";
                    case BIOLOGIC -> "BIOLOGIC";
                });
                ps.setString(7, row[2]);
                ps.setString(8, row[3]);
                ps.setString(9, row[4]);
                ps.setString(10, row[5]);
                OffsetDateTime at2 = at.start().plusMinutes(10);
                ps.setObject(11, at2);
                ps.setString(12, at.attending());
                ps.setObject(13, at2);
                ps.setString(14, at.attending());
                ps.addBatch();
                last = at2;
                lastBy = at.attending();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into allergy_assessment (id, patient_id, assessment,"
                + " recorded_at, recorded_by) values (?, ?, 'ALLERGIES_RECORDED', ?, ?)")) {
            ps.setLong(1, ids.assessment.next());
            ps.setLong(2, patientId);
            ps.setObject(3, last);
            ps.setString(4, lastBy);
            ps.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------------------ medications

    /** [lines, active lines, medication orders]: a prescribed line comes with its signed medication order. */
    private static int[] insertMedications(Connection c, Ids ids, CodeSets codes, SplittableRandom random,
            long patientId, List<Enc> encs, OffsetDateTime now) throws SQLException {
        int active = 0;
        int orders = 0;
        try (PreparedStatement order = c.prepareStatement(ORDER_INSERT);
             PreparedStatement change = c.prepareStatement(CHANGE_INSERT);
             PreparedStatement line = c.prepareStatement("insert into medication (id, patient_id, order_id,"
                     + " code_system, code, display, dose, route, frequency, source, status, started_on, stopped_at,"
                     + " stopped_by, stop_reason, version, created_at, created_by, updated_at, updated_by)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String[] m : MEDICATIONS) {
                Code code = codes.orderable(OrderKind.MEDICATION, m[0]);
                boolean prescribed = m[5].equals("P");
                boolean stopped = !m[6].isEmpty();
                Enc at = nearest(encs, now.minusDays(365L * Integer.parseInt(m[4]) + random.nextInt(60)), null);
                OffsetDateTime signed = at.start().plusMinutes(25);
                Long orderId = null;
                if (prescribed) {
                    orderId = ids.order.next();
                    List<String[]> history = new ArrayList<>();
                    history.add(new String[] {"DRAFT", null});
                    history.add(new String[] {"SIGNED", null});
                    history.add(new String[] {"COMPLETED", "dispensed"});
                    order(order, orderId, patientId, at, "MEDICATION", code, "ROUTINE", null, m[1], m[2], m[3],
                            "COMPLETED", at.attending(), signed, null, history.size() - 1, signed.minusMinutes(5),
                            signed.plusMinutes(90));
                    OffsetDateTime t = signed.minusMinutes(5);
                    for (String[] h : history) {
                        change(change, ids.statusChange.next(), orderId, h[0], t,
                                h[0].equals("COMPLETED") ? "pharmacy" : at.attending(), h[1]);
                        t = h[0].equals("DRAFT") ? signed : signed.plusMinutes(90);
                    }
                    orders++;
                }
                OffsetDateTime stoppedAt = stopped ? signed.plusDays(30 + random.nextInt(300)) : null;
                if (stoppedAt != null && stoppedAt.isAfter(now)) {
                    stoppedAt = now.minusDays(1);
                }
                String by = at.attending();
                line.setLong(1, ids.medication.next());
                line.setLong(2, patientId);
                line.setObject(3, orderId, Types.BIGINT);
                line.setString(4, code.system());
                line.setString(5, code.code());
                line.setString(6, code.display());
                line.setString(7, m[1]);
                line.setString(8, m[2]);
                line.setString(9, m[3]);
                line.setString(10, prescribed ? "PRESCRIBED" : "REPORTED");
                line.setString(11, stopped ? "STOPPED" : "ACTIVE");
                line.setObject(12, signed.atZoneSameInstant(HOSPITAL).toLocalDate());
                line.setObject(13, stoppedAt);
                line.setString(14, stopped ? CLINICIANS[random.nextInt(CLINICIANS.length)] : null);
                line.setString(15, stopped ? m[6] : null);
                line.setLong(16, stopped ? 1 : 0);
                line.setObject(17, signed);
                line.setString(18, by);
                line.setObject(19, stopped ? stoppedAt : signed);
                line.setString(20, by);
                line.addBatch();
                active += stopped ? 0 : 1;
            }
            order.executeBatch();
            change.executeBatch();
            line.executeBatch();
        }
        return new int[] {MEDICATIONS.length, active, orders};
    }

    // ------------------------------------------------------------------------------------------------------ orders

    static final String ORDER_INSERT = "insert into clinical_order (id, patient_id, encounter_id, kind, code_system,"
            + " code, display, priority, reason, dose, route, frequency, status, ordered_by, signed_by, signed_at,"
            + " status_reason, version, created_at, created_by, updated_at, updated_by)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String CHANGE_INSERT = "insert into order_status_change (id, order_id, status, changed_at,"
            + " changed_by, note) values (?, ?, ?, ?, ?, ?)";

    private static void order(PreparedStatement ps, long id, long patientId, Enc e, String kind, Code code,
            String priority, String reason, String dose, String route, String frequency, String status, String by,
            OffsetDateTime signedAt, String statusReason, long version, OffsetDateTime created,
            OffsetDateTime updated) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, patientId);
        ps.setLong(3, e.id());
        ps.setString(4, kind);
        ps.setString(5, code.system());
        ps.setString(6, code.code());
        ps.setString(7, code.display());
        ps.setString(8, priority);
        ps.setString(9, reason);
        ps.setString(10, dose);
        ps.setString(11, route);
        ps.setString(12, frequency);
        ps.setString(13, status);
        ps.setString(14, by);
        ps.setString(15, signedAt == null ? null : by);
        ps.setObject(16, signedAt);
        ps.setString(17, statusReason);
        ps.setLong(18, version);
        ps.setObject(19, created);
        ps.setString(20, by);
        ps.setObject(21, updated);
        ps.setString(22, by);
        ps.addBatch();
    }

    private static void change(PreparedStatement ps, long id, long orderId, String status, OffsetDateTime at,
            String by, String note) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, orderId);
        ps.setString(3, status);
        ps.setObject(4, at);
        ps.setString(5, by);
        ps.setString(6, note);
        ps.addBatch();
    }

    /**
     * Lab and imaging orders spread over the encounters (weighted: an inpatient stay 10, an emergency visit 4, an
     * outpatient visit 1), each with its status history: finished encounters' orders completed (5 % cancelled
     * after signing), the current stay's signed, in progress or completed.
     */
    private static int insertOrders(Connection c, Ids ids, CodeSets codes, SplittableRandom random, long patientId,
            List<Enc> encs, int count, OffsetDateTime now) throws SQLException {
        int[] perEncounter = spread(random, encs, count, 0, CURRENT_ORDERS, new double[] {1, 4, 10});
        List<Code> imaging = codes.orderables(OrderKind.IMAGING);
        List<Code> lab = new ArrayList<>();
        for (String code : LAB) {
            lab.add(codes.orderable(OrderKind.LAB, code));
        }
        int written = 0;
        try (PreparedStatement order = c.prepareStatement(ORDER_INSERT);
             PreparedStatement change = c.prepareStatement(CHANGE_INSERT)) {
            for (int i = 0; i < encs.size(); i++) {
                Enc e = encs.get(i);
                long minutes = Math.max(20, Duration.between(e.start(), e.until(now)).toMinutes() - 10);
                for (int k = 0; k < perEncounter[i]; k++) {
                    boolean imagingOrder = random.nextDouble() < 0.2;
                    Code code = imagingOrder ? imaging.get(random.nextInt(imaging.size()))
                            : lab.get(random.nextInt(lab.size()));
                    OffsetDateTime created = e.start().plusMinutes(5 + random.nextLong(minutes - 10));
                    OffsetDateTime signed = created.plusMinutes(2 + random.nextInt(10));
                    List<String> path = new ArrayList<>(List.of("DRAFT", "SIGNED"));
                    String reason = null;
                    double r = random.nextDouble();
                    if (e.current() && r < 0.4) {
                        // still open on the current stay
                        if (r < 0.2) {
                            path.add("IN_PROGRESS");
                        }
                    } else if (r > 0.95) {
                        path.add("CANCELLED");
                        reason = "duplicate request";
                    } else {
                        path.add("IN_PROGRESS");
                        path.add("COMPLETED");
                    }
                    String status = path.get(path.size() - 1);
                    long orderId = ids.order.next();
                    OffsetDateTime t = created;
                    OffsetDateTime updated = created;
                    for (String s : path) {
                        String by = s.equals("IN_PROGRESS") || s.equals("COMPLETED")
                                ? (imagingOrder ? "radiology" : "labtech") : e.attending();
                        change(change, ids.statusChange.next(), orderId, s, t, by,
                                s.equals("CANCELLED") ? reason : null);
                        updated = t;
                        t = switch (s) {
                            case "DRAFT" -> signed;
                            case "SIGNED" -> signed.plusMinutes(20 + random.nextInt(60));
                            default -> t.plusMinutes(30 + random.nextInt(120));
                        };
                        if (e.end() != null && t.isAfter(e.end())) {
                            t = e.end();
                        } else if (t.isAfter(now)) {
                            t = now;
                        }
                    }
                    order(order, orderId, patientId, e, imagingOrder ? "IMAGING" : "LAB", code,
                            e.kind() == EncounterKind.EMERGENCY && random.nextBoolean() ? "URGENT" : "ROUTINE",
                            null, null, null, null, status, e.attending(), signed, reason, path.size() - 1, created,
                            updated);
                    written++;
                }
                if (written % 500 == 0) {
                    order.executeBatch();
                    change.executeBatch();
                }
            }
            order.executeBatch();
            change.executeBatch();
        }
        return written;
    }

    // ------------------------------------------------------------------------------------------------------- notes

    /**
     * One note in every encounter (a SOAP note for a visit, an admission note for a stay), the rest spread as
     * progress notes (weighted: an inpatient stay 10, an emergency visit 2, an outpatient visit 0.1) and a discharge
     * summary at the end of every finished stay while notes last; each signed (version 1, ORIGINAL), 3 % with an
     * addendum (version 2).
     */
    private static int insertNotes(Connection c, Ids ids, SplittableRandom random, long patientId, List<Enc> encs,
            int count, OffsetDateTime now) throws SQLException {
        int[] perEncounter = spread(random, encs, count, Math.min(1, count / encs.size()), CURRENT_NOTES,
                new double[] {0.1, 2, 10});
        int written = 0;
        try (PreparedStatement note = c.prepareStatement("insert into clinical_note (id, patient_id, encounter_id,"
                + " template, title, status, author, signed_by, signed_at, version, created_at, created_by, updated_at,"
                + " updated_by) values (?, ?, ?, ?, ?, 'SIGNED', ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement version = c.prepareStatement("insert into clinical_note_version (id, note_id, number,"
                     + " kind, body, reason, signed_by, signed_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < encs.size(); i++) {
                Enc e = encs.get(i);
                int n = perEncounter[i];
                long minutes = Math.max(20, Duration.between(e.start(), e.until(now)).toMinutes() - 10);
                for (int k = 0; k < n; k++) {
                    NoteTemplate template;
                    if (e.kind() != EncounterKind.INPATIENT) {
                        template = NoteTemplate.SOAP;
                    } else if (k == 0) {
                        template = NoteTemplate.ADMISSION;
                    } else if (k == n - 1 && !e.current()) {
                        template = NoteTemplate.DISCHARGE_SUMMARY;
                    } else {
                        template = NoteTemplate.PROGRESS;
                    }
                    OffsetDateTime created = e.start().plusMinutes(5 + minutes * k / n
                            + random.nextLong(Math.max(1, minutes / n - 5)));
                    OffsetDateTime signed = created.plusMinutes(5 + random.nextInt(40));
                    if (e.end() != null && signed.isAfter(e.end())) {
                        signed = e.end();
                    } else if (signed.isAfter(now)) {
                        signed = now;
                    }
                    boolean addendum = random.nextInt(100) < 3;
                    String author = e.attending();
                    long noteId = ids.note.next();
                    note.setLong(1, noteId);
                    note.setLong(2, patientId);
                    note.setLong(3, e.id());
                    note.setString(4, template.name());
                    note.setString(5, template.label());
                    note.setString(6, author);
                    note.setString(7, author);
                    note.setObject(8, signed);
                    note.setLong(9, addendum ? 3 : 2); // drafted, saved, signed (, addendum)
                    note.setObject(10, created);
                    note.setString(11, author);
                    note.setObject(12, addendum ? signed.plusMinutes(60) : signed);
                    note.setString(13, author);
                    note.addBatch();
                    version.setLong(1, ids.noteVersion.next());
                    version.setLong(2, noteId);
                    version.setInt(3, 1);
                    version.setString(4, "ORIGINAL");
                    version.setString(5, NoteBody.toJson(NoteBody.of(template, texts(template, random))));
                    version.setString(6, null);
                    version.setString(7, author);
                    version.setObject(8, signed);
                    version.addBatch();
                    if (addendum) {
                        version.setLong(1, ids.noteVersion.next());
                        version.setLong(2, noteId);
                        version.setInt(3, 2);
                        version.setString(4, "ADDENDUM");
                        version.setString(5, NoteBody.toJson(NoteBody.of(template, Map.of(template.sections().get(
                                template.sections().size() - 1), "Addendum: results reviewed with the patient by"
                                + " phone; plan unchanged."))));
                        version.setString(6, null);
                        version.setString(7, author);
                        version.setObject(8, signed.plusMinutes(60));
                        version.addBatch();
                    }
                    written++;
                }
                if (written % 500 == 0) {
                    note.executeBatch();
                    version.executeBatch();
                }
            }
            note.executeBatch();
            version.executeBatch();
        }
        return written;
    }

    /** Section texts for a template, from the phrase lists. */
    private static Map<String, String> texts(NoteTemplate template, SplittableRandom random) {
        Map<String, String> texts = new LinkedHashMap<>();
        String[][] pools = {SUBJECTIVE, OBJECTIVE, ASSESSMENT, PLAN};
        List<String> sections = template.sections();
        for (int s = 0; s < sections.size(); s++) {
            String[] pool = pools[Math.min(pools.length - 1, s * pools.length / sections.size())];
            texts.put(sections.get(s), pool[random.nextInt(pool.length)]);
        }
        return texts;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /**
     * {@code count} items over the encounters: {@code current} for the current stay and {@code base} for each other
     * first, the rest at random over the finished ones, weighted by kind ({@code weights}: outpatient, emergency,
     * inpatient; an inpatient stay's weight times its days / 3).
     */
    private static int[] spread(SplittableRandom random, List<Enc> encs, int count, int base, int current,
            double[] weights) {
        int[] n = new int[encs.size()];
        double[] w = new double[encs.size()];
        double total = 0;
        n[encs.size() - 1] = Math.min(current, count);
        int left = count - n[encs.size() - 1];
        for (int i = 0; i < encs.size() - 1; i++) {
            Enc e = encs.get(i);
            double days = Math.max(1, Duration.between(e.start(), e.end()).toMinutes() / 1440.0);
            w[i] = switch (e.kind()) {
                case OUTPATIENT -> weights[0];
                case EMERGENCY -> weights[1];
                default -> weights[2] * days / 3;
            };
            total += w[i];
            int b = Math.min(base, left);
            n[i] = b;
            left -= b;
        }
        for (; left > 0; left--) {
            double r = random.nextDouble() * total;
            int i = 0;
            while (i < w.length - 2 && r >= w[i]) {
                r -= w[i++];
            }
            n[i]++;
        }
        return n;
    }

    /** The encounter (of a kind, or any) starting nearest to a time. */
    private static Enc nearest(List<Enc> encs, OffsetDateTime at, EncounterKind kind) {
        Enc best = null;
        long bestGap = Long.MAX_VALUE;
        for (Enc e : encs) {
            if (kind != null && e.kind() != kind) {
                continue;
            }
            long gap = Math.abs(Duration.between(at, e.start()).toMinutes());
            if (gap < bestGap) {
                best = e;
                bestGap = gap;
            }
        }
        return best == null ? encs.get(0) : best;
    }

    private static LocalDate date(OffsetDateTime t) {
        return t.atZoneSameInstant(HOSPITAL).toLocalDate();
    }

    private static void stamp(PreparedStatement ps, int from, OffsetDateTime at) throws SQLException {
        ps.setObject(from, at);
        ps.setString(from + 1, USER);
        ps.setObject(from + 2, at);
        ps.setString(from + 3, USER);
    }

    private static long nextval(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval(?)")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Removes an earlier seed: the patients marked {@code created_by = 'chart-bench'} with everything recorded in
     * their charts (whoever recorded it). Their audit events stay: the audit trail is append-only.
     */
    private static void remove(Connection c) throws SQLException {
        String patients = "select id from patient where created_by = '" + USER + "'";
        String orders = "select id from clinical_order where patient_id in (" + patients + ")";
        String notes = "select id from clinical_note where patient_id in (" + patients + ")";
        try (Statement s = c.createStatement()) {
            s.execute("delete from order_status_change where order_id in (" + orders + ")");
            s.execute("delete from medication where patient_id in (" + patients + ")");
            s.execute("delete from clinical_order where patient_id in (" + patients + ")");
            s.execute("delete from clinical_note_version where note_id in (" + notes + ")");
            for (String table : List.of("clinical_note", "clinical_condition", "allergy", "allergy_assessment",
                    "observation", "care_team_member", "access_grant", "encounter")) {
                s.execute("delete from " + table + " where patient_id in (" + patients + ")");
            }
            s.execute("delete from patient where created_by = '" + USER + "'");
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                throw new IllegalStateException("the earlier seed's patient has records this seeder does not"
                        + " remove (" + e.getMessage() + "): drop the database and migrate it anew", e);
            }
            throw e;
        }
    }

}
