package org.asclepius.bench.beds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.asclepius.bench.common.PooledIds;
import org.asclepius.bench.common.SchemaCheck;
import org.asclepius.hms.patient.MedicalRecordNumber;
import org.asclepius.hms.patient.Patient;

/**
 * Seeds a hospital into the app's schema over JDBC, in one transaction: W wards {@code BN-01…} of B beds each
 * (rooms of 5 beds, {@code R01-A…}), N patients, and for the first N beds an inpatient encounter, an open
 * admission and a current bed stay, the bed OCCUPIED — the rows {@code AdmissionService.admit} writes, with the
 * same columns, constraints and sequences (ids by {@link PooledIds}, MRNs from {@code mrn_seq} with the app's
 * check digit, name keys by {@link Patient#nameKey}). Everything it writes carries {@code created_by =
 * 'bed-board-bench'}; {@code --replace} removes an earlier seed first.
 */
final class Seeder {
    static final String USER = "bed-board-bench";
    static final String PREFIX = "BN-";
    static final int BEDS_PER_ROOM = 5;
    private static final String[] FAMILY = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
        "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez"};
    private static final String[] GIVEN_F = {"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara",
        "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Ashley", "Emily", "Donna"};
    private static final String[] GIVEN_M = {"James", "Robert", "John", "Michael", "David", "William", "Richard",
        "Joseph", "Thomas", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew"};
    private static final String[] ATTENDING = {"Dr Ana Silva", "Dr Ben Okafor", "Dr Chen Wei", "Dr Dana Novak",
        "Dr Eli Haddad", "Dr Fatima Rahman", "Dr Gus Larsen", "Dr Hana Sato"};
    private static final String[] REASON = {"community-acquired pneumonia", "heart failure, decompensated",
        "hip fracture", "COPD exacerbation", "cellulitis", "stroke", "sepsis", "post-operative care"};

    /** The columns each table must be able to take from this seeder (others must be nullable or defaulted). */
    private static final Map<String, Set<String>> WRITTEN = Map.of(
            "ward", Set.of("id", "code", "name", "department", "active", "version", "created_at", "created_by",
                    "updated_at", "updated_by"),
            "bed", Set.of("id", "ward_id", "room", "label", "kind", "status", "version", "created_at", "created_by",
                    "updated_at", "updated_by"),
            "patient", Set.of("id", "mrn", "family_name", "given_name", "name_key", "sex", "birth_date", "version",
                    "created_at", "created_by", "updated_at", "updated_by"),
            "encounter", Set.of("id", "patient_id", "kind", "department", "status", "started_at", "version",
                    "created_at", "created_by", "updated_at", "updated_by"),
            "admission", Set.of("id", "encounter_id", "patient_id", "source", "status", "reason", "version",
                    "created_at", "created_by", "updated_at", "updated_by"),
            "bed_stay", Set.of("id", "admission_id", "bed_id", "patient_id", "started_at"));

    private Seeder() {
    }

    record Seeded(int wards, int beds, int occupied) {
    }

    static Seeded seed(Connection c, int wards, int bedsPerWard, int occupied, boolean replace, long seed)
            throws SQLException {
        SchemaCheck.requireFilled(c, WRITTEN);
        if (occupied > wards * bedsPerWard) {
            throw new IllegalArgumentException("--occupied " + occupied + " is more than the " + wards * bedsPerWard
                    + " beds");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long earlier = count(c, "select count(*) from ward where created_by = '" + USER + "'");
            if (earlier > 0 && !replace) {
                throw new IllegalStateException("this database already holds a seed (" + earlier + " wards):"
                        + " add --replace to remove it first");
            }
            remove(c);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            SplittableRandom random = new SplittableRandom(seed);
            PooledIds wardIds = new PooledIds(c, "ward_seq");
            PooledIds patientIds = new PooledIds(c, "patient_seq");
            PooledIds encounterIds = new PooledIds(c, "encounter_seq");

            List<long[]> beds = new ArrayList<>(); // [bed id, ward number]
            try (PreparedStatement ward = c.prepareStatement("insert into ward (id, code, name, department, active,"
                    + " version, created_at, created_by, updated_at, updated_by)"
                    + " values (?, ?, ?, ?, true, 0, ?, ?, ?, ?)");
                 PreparedStatement bed = c.prepareStatement("insert into bed (id, ward_id, room, label, kind, status,"
                    + " version, created_at, created_by, updated_at, updated_by)"
                    + " values (?, ?, ?, ?, ?, 'FREE', 0, ?, ?, ?, ?)")) {
                for (int w = 1; w <= wards; w++) {
                    long wardId = wardIds.next();
                    ward.setLong(1, wardId);
                    ward.setString(2, String.format("%s%02d", PREFIX, w));
                    ward.setString(3, "Bench ward " + w);
                    ward.setString(4, department(w));
                    stamp(ward, 5, now);
                    ward.addBatch();
                    for (int b = 0; b < bedsPerWard; b++) {
                        long bedId = wardIds.next();
                        bed.setLong(1, bedId);
                        bed.setLong(2, wardId);
                        bed.setString(3, String.format("R%02d", b / BEDS_PER_ROOM + 1));
                        bed.setString(4, String.valueOf((char) ('A' + b % BEDS_PER_ROOM)));
                        bed.setString(5, w <= 2 ? "ICU" : b % 10 == 9 ? "ISOLATION" : "GENERAL");
                        stamp(bed, 6, now);
                        bed.addBatch();
                        beds.add(new long[] {bedId, w});
                    }
                }
                ward.executeBatch(); // wards first: the beds refer to them
                bed.executeBatch();
            }

            try (PreparedStatement patient = c.prepareStatement("insert into patient (id, mrn, family_name,"
                    + " given_name, name_key, sex, birth_date, version, created_at, created_by, updated_at, updated_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
                 PreparedStatement encounter = c.prepareStatement("insert into encounter (id, patient_id, kind,"
                    + " department, attending, status, started_at, version, created_at, created_by, updated_at,"
                    + " updated_by) values (?, ?, 'INPATIENT', ?, ?, 'IN_PROGRESS', ?, 0, ?, ?, ?, ?)");
                 PreparedStatement admission = c.prepareStatement("insert into admission (id, encounter_id,"
                    + " patient_id, source, status, reason, admitted_at, open_patient_id, version, created_at,"
                    + " created_by, updated_at, updated_by) values (?, ?, ?, ?, 'ADMITTED', ?, ?, ?, 0, ?, ?, ?, ?)");
                 PreparedStatement stay = c.prepareStatement("insert into bed_stay (id, admission_id, bed_id,"
                    + " patient_id, started_at, current_bed_id, current_patient_id) values (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement occupy = c.prepareStatement("update bed set status = 'OCCUPIED' where id = ?");
                 PreparedStatement mrn = c.prepareStatement("select nextval('mrn_seq')")) {
                String[] sources = {"EMERGENCY", "OUTPATIENT", "DIRECT", "ELECTIVE"};
                for (int n = 0; n < occupied; n++) {
                    long bedId = beds.get(n)[0];
                    int w = (int) beds.get(n)[1];
                    boolean female = random.nextBoolean();
                    String family = FAMILY[random.nextInt(FAMILY.length)];
                    String given = female ? GIVEN_F[random.nextInt(GIVEN_F.length)]
                            : GIVEN_M[random.nextInt(GIVEN_M.length)];
                    long patientId = patientIds.next();
                    patient.setLong(1, patientId);
                    patient.setString(2, MedicalRecordNumber.fromSequence(next(mrn)));
                    patient.setString(3, family);
                    patient.setString(4, given);
                    patient.setString(5, Patient.nameKey(given, null, family));
                    patient.setString(6, female ? "FEMALE" : "MALE");
                    patient.setObject(7, LocalDate.of(1930, 1, 1).plusDays(random.nextInt(90 * 365)));
                    stamp(patient, 8, now);
                    patient.addBatch();

                    OffsetDateTime admitted = now.minusMinutes(30 + random.nextInt(14 * 24 * 60));
                    long encounterId = encounterIds.next();
                    encounter.setLong(1, encounterId);
                    encounter.setLong(2, patientId);
                    encounter.setString(3, department(w));
                    encounter.setString(4, ATTENDING[random.nextInt(ATTENDING.length)]);
                    encounter.setObject(5, admitted);
                    stamp(encounter, 6, now);
                    encounter.addBatch();

                    long admissionId = encounterIds.next();
                    admission.setLong(1, admissionId);
                    admission.setLong(2, encounterId);
                    admission.setLong(3, patientId);
                    admission.setString(4, sources[random.nextInt(sources.length)]);
                    admission.setString(5, REASON[random.nextInt(REASON.length)]);
                    admission.setObject(6, admitted);
                    admission.setLong(7, patientId);
                    stamp(admission, 8, now);
                    admission.addBatch();

                    stay.setLong(1, encounterIds.next());
                    stay.setLong(2, admissionId);
                    stay.setLong(3, bedId);
                    stay.setLong(4, patientId);
                    stay.setObject(5, admitted);
                    stay.setLong(6, bedId);
                    stay.setLong(7, patientId);
                    stay.addBatch();
                    occupy.setLong(1, bedId);
                    occupy.addBatch();
                }
                // in the order of the foreign keys
                patient.executeBatch();
                encounter.executeBatch();
                admission.executeBatch();
                stay.executeBatch();
                occupy.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("analyze ward");
                s.execute("analyze bed");
                s.execute("analyze bed_stay");
                s.execute("analyze admission");
                s.execute("analyze encounter");
                s.execute("analyze patient");
            }
            c.commit();
            return new Seeded(wards, wards * bedsPerWard, occupied);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static String department(int ward) {
        String[] departments = {"Intensive care", "Internal medicine", "Surgery", "Orthopaedics", "Cardiology"};
        return ward <= 2 ? departments[0] : departments[1 + ward % 4];
    }

    private static void stamp(PreparedStatement ps, int from, OffsetDateTime now) throws SQLException {
        ps.setObject(from, now);
        ps.setString(from + 1, USER);
        ps.setObject(from + 2, now);
        ps.setString(from + 3, USER);
    }

    private static long next(PreparedStatement sequence) throws SQLException {
        try (ResultSet rs = sequence.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Removes an earlier seed (and whatever the app did with its wards: stays, admissions, encounters). */
    private static void remove(Connection c) throws SQLException {
        String wards = "select id from ward where created_by = '" + USER + "'";
        String beds = "select id from bed where ward_id in (" + wards + ")";
        String admissions = "select admission_id from bed_stay where bed_id in (" + beds + ")";
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table bench_admission on commit drop as " + admissions);
            s.execute("delete from bed_stay where admission_id in (select admission_id from bench_admission)");
            s.execute("create temporary table bench_encounter on commit drop as select encounter_id from admission"
                    + " where id in (select admission_id from bench_admission)");
            s.execute("delete from admission where id in (select admission_id from bench_admission)");
            s.execute("delete from encounter where id in (select encounter_id from bench_encounter)");
            s.execute("delete from bed where ward_id in (" + wards + ")");
            s.execute("delete from ward where created_by = '" + USER + "'");
            s.execute("delete from patient where created_by = '" + USER + "' and not exists (select 1 from encounter e"
                    + " where e.patient_id = patient.id)");
        }
    }


}
