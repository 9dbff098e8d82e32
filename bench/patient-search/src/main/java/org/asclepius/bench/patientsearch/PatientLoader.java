package org.asclepius.bench.patientsearch;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.asclepius.bench.common.Args;
import org.asclepius.hms.patient.Patient;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads N synthetic patients into the application's schema (created by the app's Flyway) with COPY, in one
 * transaction: secondary indexes (whatever Flyway created, except those backing constraints) are dropped, the
 * tables truncated, the rows copied (FREEZE), the indexes re-created from their own definitions, then committed
 * and analysed. A failure rolls everything back, indexes included. Sequences are left ahead of the loaded ids.
 */
final class PatientLoader {
    static final String[] PATIENT_COLUMNS = {"id", "mrn", "family_name", "given_name", "middle_name", "name_key", "sex",
            "birth_date", "address_line1", "address_line2", "address_city", "address_state", "address_postal_code",
            "address_country", "phone", "phone_key", "email", "kin_name", "kin_relationship", "kin_phone", "version", "created_at",
            "created_by", "updated_at", "updated_by"};
    static final String[] IDENTIFIER_COLUMNS = {"id", "patient_id", "id_type", "id_value"};
    static final String LOADER = "bench-loader";
    private static final int FLUSH_BYTES = 1 << 20;

    private PatientLoader() {
    }

    static void run(Args args) throws Exception {
        String url = args.get("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/hms_bench", "database (schema by the app's Flyway)");
        String user = args.get("db-user", "hms", "database user (owner of the tables)");
        String password = args.get("db-password", "hms", "database password");
        int n = args.getInt("patients", 1_000_000, "how many patients");
        long seed = Long.parseLong(args.get("seed", "20260425", "random seed (same seed, same patients)"));
        String tables = args.get("tables", "", "directory with frequency tables (default: the ones in the jar)");
        String shape = args.get("names", "zipf", "name frequencies: zipf (Zipf-shaped by rank) or observed (Synthea's flat counts)");
        double zipfS = args.getDouble("zipf-s", 1.0, "Zipf exponent s: weight 1/(rank+q)^s");
        double zipfQ = args.getDouble("zipf-q", 30, "Zipf offset q (larger: flatter head)");
        double national = args.getDouble("national-id-share", 0.5, "share of patients with a national ID (SSN-like)");
        double passport = args.getDouble("passport-share", 0.06, "share with a passport number");
        double member = args.getDouble("member-id-share", 0.4, "share with an insurance member ID");
        double doubleSurname = args.getDouble("double-surname-share", 0.3, "share of Hispanic patients with two surnames");
        boolean replace = args.flag("replace", "delete the patients already there (TRUNCATE ... CASCADE) instead of refusing");
        args.done("java -jar target/patient-search-bench.jar load", "Loads synthetic patients into the app's PostgreSQL schema with COPY.");

        PatientGenerator generator = new PatientGenerator(seed, tables, shape, zipfS, zipfQ, national, passport,
                member, doubleSurname);
        System.out.println("tables: " + generator.describe());
        long t0 = System.nanoTime();
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("ApplicationName", "patient-search-bench");
        try (Connection c = DriverManager.getConnection(url, props)) {
            checkSchema(c);
            long existing = single(c, "select count(*) from patient");
            if (existing > 0 && !replace) {
                throw new IllegalStateException(url + " already holds " + existing + " patients: give --replace to"
                        + " delete them first (or use an empty database)");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local maintenance_work_mem = '512MB'");
                s.execute("set local synchronous_commit = off");
            }
            Map<String, String> indexes = secondaryIndexes(c);
            long t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String name : indexes.keySet()) {
                    s.execute("drop index " + name);
                }
                s.execute("truncate table patient_identifier, patient cascade");
            }
            System.out.printf("dropped %d secondary indexes and truncated (had %d patients) in %s%n",
                    indexes.size(), existing, secs(t));

            // ids beyond any block Hibernate may already hold (pooled optimizer, allocationSize 50)
            long firstId = sequenceLast(c, "patient_seq") + 50;
            long firstIdentifierId = sequenceLast(c, "patient_identifier_seq") + 50;
            long firstMrn = single(c, "select nextval('mrn_seq')");

            t = System.nanoTime();
            PGConnection pg = c.unwrap(PGConnection.class);
            // identifier rows are kept as COPY text (about 40 bytes each) until the patients are in
            java.io.ByteArrayOutputStream identifierCopy = new java.io.ByteArrayOutputStream(1 << 24);
            StringBuilder isb = new StringBuilder(FLUSH_BYTES + 4096);
            long identifierCount = 0;
            CopyIn copy = pg.getCopyAPI().copyIn("copy patient (" + String.join(", ", PATIENT_COLUMNS)
                    + ") from stdin with (format text, freeze true)");
            StringBuilder sb = new StringBuilder(FLUSH_BYTES + 4096);
            long lastId = firstId - 1;
            try {
                for (int i = 0; i < n; i++) {
                    long id = firstId + i;
                    PatientGenerator.Row r = generator.next(id, firstMrn + i, id);
                    appendPatient(sb, r);
                    for (PatientGenerator.Identifier ident : r.identifiers()) {
                        isb.append(firstIdentifierId + identifierCount++).append('\t').append(id).append('\t')
                                .append(ident.type()).append('\t');
                        text(isb, ident.value()).append('\n');
                    }
                    if (isb.length() >= FLUSH_BYTES) {
                        identifierCopy.writeBytes(isb.toString().getBytes(StandardCharsets.UTF_8));
                        isb.setLength(0);
                    }
                    lastId = id;
                    if (sb.length() >= FLUSH_BYTES) {
                        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        sb.setLength(0);
                    }
                    if ((i + 1) % 200_000 == 0) {
                        System.out.printf("  %,d patients (%s)%n", i + 1, secs(t));
                    }
                }
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            double patientSecs = (System.nanoTime() - t) / 1e9;
            System.out.printf("COPY patient: %,d rows in %.1f s (%,.0f rows/s)%n", n, patientSecs, n / patientSecs);

            t = System.nanoTime();
            copy = pg.getCopyAPI().copyIn("copy patient_identifier (" + String.join(", ", IDENTIFIER_COLUMNS)
                    + ") from stdin with (format text, freeze true)");
            identifierCopy.writeBytes(isb.toString().getBytes(StandardCharsets.UTF_8));
            try {
                byte[] all = identifierCopy.toByteArray();
                for (int off = 0; off < all.length; off += FLUSH_BYTES) {
                    copy.writeToCopy(all, off, Math.min(FLUSH_BYTES, all.length - off));
                }
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            double identSecs = (System.nanoTime() - t) / 1e9;
            System.out.printf("COPY patient_identifier: %,d rows in %.1f s (%,.0f rows/s)%n", identifierCount,
                    identSecs, identifierCount / identSecs);

            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, String> index : indexes.entrySet()) {
                    t = System.nanoTime();
                    s.execute(index.getValue());
                    System.out.printf("index %s re-created in %s%n", index.getKey(), secs(t));
                }
                // sequences ahead of everything loaded, so the app registers more afterwards without clashes
                s.execute("select setval('patient_seq', " + (lastId + 50) + ")");
                s.execute("select setval('patient_identifier_seq', " + (firstIdentifierId + identifierCount + 50) + ")");
                s.execute("select setval('mrn_seq', " + (firstMrn + n - 1) + ")");
            }
            t = System.nanoTime();
            c.commit();
            System.out.printf("commit in %s%n", secs(t));
            c.setAutoCommit(true);
            t = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("analyze patient");
                s.execute("analyze patient_identifier");
            }
            System.out.printf("ANALYZE in %s%n", secs(t));
            double total = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "loaded %,d patients (ids %d..%d, MRN sequence %d..%d) and %,d identifiers"
                            + " in %.1f s in total: %,.0f patients/s overall%n", n, firstId, lastId, firstMrn,
                    firstMrn + n - 1, identifierCount, total, n / total);
            System.out.println("sequences now: patient_seq " + sequenceLast(c, "patient_seq") + ", mrn_seq "
                    + sequenceLast(c, "mrn_seq") + ", patient_identifier_seq " + sequenceLast(c, "patient_identifier_seq"));
            System.out.println("table sizes: " + sizes(c));
        }
    }

    /** The app's Flyway must have run; columns the app requires that this loader does not know stop the load. */
    static void checkSchema(Connection c) throws SQLException {
        if (single(c, "select count(*) from information_schema.tables where table_schema = current_schema()"
                + " and table_name in ('flyway_schema_history', 'patient', 'patient_identifier')") < 3) {
            throw new IllegalStateException("no patient schema here: start the app once on this database so that its"
                    + " Flyway creates it (HMS_DB_URL=<jdbc url> ./hms start --db postgresql), then load");
        }
        List<String> unknown = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name in ('patient', 'patient_identifier')"
                + " and is_nullable = 'NO' and column_default is null and is_generated = 'NEVER'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<String> known = Set.of(rs.getString(1).equals("patient") ? PATIENT_COLUMNS : IDENTIFIER_COLUMNS);
                if (!known.contains(rs.getString(2))) {
                    unknown.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the schema has required columns this loader does not fill: " + unknown
                    + " (teach PatientLoader / PatientGenerator about them)");
        }
        List<String> defaulted = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select table_name, column_name, coalesce(column_default, 'null')"
                + " from information_schema.columns where table_schema = current_schema()"
                + " and table_name in ('patient', 'patient_identifier') order by table_name, ordinal_position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<String> known = Set.of(rs.getString(1).equals("patient") ? PATIENT_COLUMNS : IDENTIFIER_COLUMNS);
                if (!known.contains(rs.getString(2))) {
                    defaulted.add(rs.getString(1) + "." + rs.getString(2) + " = " + rs.getString(3));
                }
            }
        }
        if (!defaulted.isEmpty()) {
            // a new derived column (a search key) left null would make the benchmark measure the wrong thing
            System.out.println("columns this loader leaves to their default: " + defaulted
                    + " (check that none is a derived search key)");
        }
        List<String> referencing = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct r.relname from pg_constraint k"
                     + " join pg_class r on r.oid = k.conrelid where k.contype = 'f'"
                     + " and k.confrelid = 'patient'::regclass and r.relname <> 'patient_identifier' order by 1")) {
            while (rs.next()) {
                referencing.add(rs.getString(1));
            }
        }
        if (!referencing.isEmpty()) {
            System.out.println("tables referring to patients that this loader leaves empty (--replace empties them): "
                    + referencing);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version, description from flyway_schema_history"
                     + " where success order by installed_rank desc limit 1")) {
            if (rs.next()) {
                System.out.println("schema: Flyway version " + rs.getString(1) + " (" + rs.getString(2) + ")");
            }
        }
    }

    /** name -> CREATE INDEX statement of the indexes on the loaded tables that back no constraint. */
    static Map<String, String> secondaryIndexes(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select quote_ident(n.nspname) || '.' || quote_ident(ic.relname),"
                     + " pg_get_indexdef(i.indexrelid) from pg_index i"
                     + " join pg_class ic on ic.oid = i.indexrelid join pg_class tc on tc.oid = i.indrelid"
                     + " join pg_namespace n on n.oid = tc.relnamespace"
                     + " where n.nspname = current_schema() and tc.relname in ('patient', 'patient_identifier')"
                     + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                     + " order by tc.relname, ic.relname")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static long sequenceLast(Connection c, String sequence) throws SQLException {
        return single(c, "select last_value from " + sequence);
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sizes(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select pg_size_pretty(pg_total_relation_size('patient')), pg_size_pretty(pg_relation_size('patient')),"
                        + " pg_size_pretty(pg_total_relation_size('patient_identifier'))")) {
            rs.next();
            return "patient " + rs.getString(1) + " (heap " + rs.getString(2) + "), patient_identifier " + rs.getString(3);
        }
    }

    private static void appendPatient(StringBuilder sb, PatientGenerator.Row r) {
        sb.append(r.id()).append('\t');
        text(sb, r.mrn()).append('\t');
        text(sb, r.familyName()).append('\t');
        text(sb, r.givenName()).append('\t');
        text(sb, r.middleName()).append('\t');
        text(sb, r.nameKey()).append('\t');
        text(sb, r.sex()).append('\t');
        sb.append(r.birthDate()).append('\t');
        text(sb, r.line1()).append('\t');
        text(sb, r.line2()).append('\t');
        text(sb, r.city()).append('\t');
        text(sb, r.state()).append('\t');
        text(sb, r.postalCode()).append('\t');
        text(sb, r.country()).append('\t');
        text(sb, r.phone()).append('\t');
        text(sb, Patient.phoneKey(r.phone())).append('\t');
        text(sb, r.email()).append('\t');
        text(sb, r.kinName()).append('\t');
        text(sb, r.kinRelationship()).append('\t');
        text(sb, r.kinPhone()).append('\t');
        sb.append('0').append('\t');
        String created = DateTimeFormatter.ISO_INSTANT.format(r.createdAt());
        sb.append(created).append('\t').append(LOADER).append('\t').append(created).append('\t').append(LOADER);
        sb.append('\n');
    }

    /** COPY text format: \N for null, backslash escapes for the few special characters. */
    private static StringBuilder text(StringBuilder sb, String v) {
        if (v == null) {
            return sb.append("\\N");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb;
    }

    private static String secs(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0);
    }
}
