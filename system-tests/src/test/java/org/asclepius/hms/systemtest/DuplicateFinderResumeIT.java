package org.asclepius.hms.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asclepius.hms.systemtest.support.WildFlyNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The duplicate-patient-finder job, started from the WildFly management interface, is killed (kill -9 of the
 * server) after a few committed chunks; once the node is back, the execution is restarted through the management
 * interface and resumes after its last checkpoint: it reads only the patients after it, every known duplicate pair
 * is on the worklist exactly once, each written by the execution that scanned its later patient.
 *
 * <p>Facts this relies on (JBeret 3.1 in WildFly 39): a killed execution stays STARTED in the JDBC job
 * repository (nothing marks it on startup); restart mode {@code strict} refuses it; {@code detect} (JBeret's
 * default) restarts it when the JVM asked did not start it itself — true on a node started after the crash, but
 * equally true on another cluster node while the run is still alive there, so {@code detect} is only for a node
 * that has itself been restarted. The chunk's worklist rows and its checkpoint are committed in one transaction
 * (the job repository uses the application's datasource).
 *
 * <p>Needs PostgreSQL (its own schema, like {@link ClusterFailoverIT}), so it runs with -Ppostgresql.
 */
@EnabledIfSystemProperty(named = "hms.it.db", matches = "postgresql")
class DuplicateFinderResumeIT {
    private static final Logger LOG = Logger.getLogger(DuplicateFinderResumeIT.class.getName());

    private static final String MULTICAST = "230.0.0.44";
    private static final String CLUSTER = "hms-it-batch-resume";
    private static final String NODE = "it-batch-node";
    private static final int OFFSET = 600;
    private static final String JOB = "duplicate-patient-finder";
    /** item-count of the job's chunk (duplicate-patient-finder.xml) */
    private static final int CHUNK = 100;
    /** patients 1..PATIENTS: 60 chunks, a run of several seconds */
    private static final int PATIENTS = 6000;
    /** the node is killed once at least this many chunks are committed */
    private static final int CHUNKS_BEFORE_KILL = 3;
    /** known duplicates: patient b is a copy of patient b - 37, for b = 60, 310, 560, … */
    private static final List<long[]> KNOWN_PAIRS = knownPairs();

    private String dbUrl;

    @Test
    void killedMidRun_resumesAfterItsCheckpoint_withEachPairOnTheWorklistOnce() throws Exception {
        Path work = Path.of(System.getProperty("hms.it.cluster.dir", "target/cluster")).resolve("duplicate-finder-resume");
        String schema = "resume_" + Long.toString(System.nanoTime(), 36);
        try (Connection c = DriverManager.getConnection(System.getProperty("hms.it.db.url"),
                System.getProperty("hms.it.db.user"), System.getProperty("hms.it.db.password"));
             Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        }
        // the test reads JBeret's tables and the worklist through the same search path as the server
        dbUrl = System.getProperty("hms.it.db.url") + "?currentSchema=" + schema + ",public";
        Map<String, String> env = Map.of("HMS_DB_URL", dbUrl);

        Path beforeBase = work.resolve("before-crash");
        Path afterBase = work.resolve("after-crash");
        try (WildFlyNode beforeCrash = new WildFlyNode(NODE, OFFSET, beforeBase);
             WildFlyNode afterCrash = new WildFlyNode(NODE, OFFSET, afterBase)) {
            beforeCrash.start(MULTICAST, CLUSTER, env);
            beforeCrash.awaitReady(Duration.ofMinutes(4));
            loadPatients();

            // started from the WildFly console's operation, as an administrator would
            Management console = Management.withNewUser(beforeBase, OFFSET);
            long first = console.startJob(JOB, Map.of("triggeredBy", "it-console"));
            long seen = awaitCheckpoint(first, (long) CHUNKS_BEFORE_KILL * CHUNK);
            beforeCrash.kill9();
            awaitClosed(8080 + OFFSET, 9990 + OFFSET);

            long checkpoint = committedCheckpoint(first);
            LOG.info("killed " + JOB + " execution " + first + " after patient " + seen
                    + "; last committed checkpoint: patient " + checkpoint + " of " + PATIENTS);
            assertThat(checkpoint).as("the committed checkpoint").isGreaterThanOrEqualTo(seen).isLessThan(PATIENTS);
            assertThat(checkpoint % CHUNK).as("a checkpoint every %d patients", CHUNK).isZero();
            assertThat(text("select batchstatus from job_execution where jobexecutionid = ?", first))
                    .as("the killed execution is left as it was").isEqualTo("STARTED");
            // the worklist rows of a chunk are committed with its checkpoint, never without it
            assertThat(number("select count(*) from duplicate_review where job_execution_id = ? and patient_b > ?",
                    first, checkpoint)).isZero();
            assertThat(number("select count(*) from duplicate_review where job_execution_id = ?", first))
                    .as("pairs found before the kill").isPositive();

            afterCrash.start(MULTICAST, CLUSTER, env);
            afterCrash.awaitReady(Duration.ofMinutes(4));
            Management console2 = Management.withNewUser(afterBase, OFFSET);
            assertThat(console2.batchStatus(first))
                    .as("WildFly does not mark an execution killed with its JVM (JBERET-655 is open)")
                    .isEqualTo("STARTED");
            JsonNode strict = console2.restartJob(first, "strict");
            assertThat(strict.path("outcome").asText())
                    .as("strict refuses a STARTED execution, dead or alive: %s", strict.path("failure-description"))
                    .isEqualTo("failed");
            // this JVM did not start the execution, and no other node runs one: JBeret's "detect" restarts it
            long second = Management.success(console2.restartJob(first, "detect")).asLong();
            assertThat(console2.awaitEnd(second, Duration.ofMinutes(5))).isEqualTo("COMPLETED");

            assertThat(console2.batchStatus(first)).as("marked by the restart").isEqualTo("FAILED");
            assertThat(console2.executions()).contains(Long.toString(first), Long.toString(second));
            assertThat(number("select count(distinct jobinstanceid) from job_execution where jobexecutionid in (?, ?)",
                    first, second)).as("a restart of the same job instance, not a new run").isEqualTo(1);

            // the restarted reader began right after the checkpoint: no rescan from the start
            long readAfterRestart = number("select readcount from step_execution where jobexecutionid = ?", second);
            assertThat(readAfterRestart).isEqualTo(PATIENTS - checkpoint).isLessThan(PATIENTS);
            assertThat(number("select count(*) from duplicate_review where job_execution_id = ? and patient_b <= ?",
                    second, checkpoint)).as("pairs the restarted execution wrote below the checkpoint").isZero();

            // no pair twice, no rows from any other run
            assertThat(number("select count(*) - count(distinct (patient_a, patient_b)) from duplicate_review")).isZero();
            assertThat(number("select count(*) from duplicate_review where job_execution_id is null"
                    + " or job_execution_id not in (?, ?)", first, second)).isZero();

            // every known pair once, written by the execution that scanned its later patient
            int beforeKill = 0;
            for (long[] pair : KNOWN_PAIRS) {
                long expected = pair[1] <= checkpoint ? first : second;
                beforeKill += pair[1] <= checkpoint ? 1 : 0;
                assertThat(column("select job_execution_id from duplicate_review where patient_a = ? and patient_b = ?",
                        pair[0], pair[1])).as("pair %d/%d", pair[0], pair[1]).containsExactly(expected);
            }
            assertThat(beforeKill).as("known pairs found before the kill").isPositive();
            assertThat(KNOWN_PAIRS.size() - beforeKill).as("known pairs found after the restart").isPositive();
        }
    }

    // ------------------------------------------------------------------ data

    private static List<long[]> knownPairs() {
        List<long[]> pairs = new ArrayList<>();
        for (long b = 60; b <= PATIENTS; b += 250) {
            pairs.add(new long[] {b - 37, b});
        }
        return List.copyOf(pairs);
    }

    /**
     * Patients 1..PATIENTS straight into the table (ids of our own; the job reads in id order): letters-only
     * pseudo-random names, dates of birth spread over 80 years, no phone, address or identifier, so unrelated
     * patients rarely share a blocking key and never score "possible". The known duplicates are exact copies of
     * name, sex and date of birth (score about 27: probable). No patient_match_key rows: the scan stores each
     * patient's keys before looking for earlier ones.
     */
    private void loadPatients() throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into patient (id, mrn, family_name, given_name, name_key, sex, birth_date,
                                         version, created_at, created_by, updated_at, updated_by)
                    select g, 'RES' || lpad(g::text, 9, '0'), f, gv, ' ' || lower(gv) || ' ' || lower(f) || ' ',
                           case when g % 2 = 0 then 'FEMALE' else 'MALE' end,
                           date '1935-01-01' + (('x' || substr(md5('d' || g), 1, 7))::bit(28)::int % 29000),
                           0, now(), 'it', now(), 'it'
                    from (select g,
                                 initcap(translate(substr(md5('f' || g), 1, 9), '0123456789', 'ghijklmnop')) as f,
                                 initcap(translate(substr(md5('g' || g), 1, 7), '0123456789', 'ghijklmnop')) as gv
                          from generate_series(1, ?) as g) as s
                    """)) {
                ps.setInt(1, PATIENTS);
                assertThat(ps.executeUpdate()).isEqualTo(PATIENTS);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    update patient as b set family_name = a.family_name, given_name = a.given_name,
                                            name_key = a.name_key, sex = a.sex, birth_date = a.birth_date
                    from patient as a where a.id = ? and b.id = ?
                    """)) {
                for (long[] pair : KNOWN_PAIRS) {
                    ps.setLong(1, pair[0]);
                    ps.setLong(2, pair[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                // later registrations (none here) get ids above ours
                s.execute("select setval('patient_seq', " + (PATIENTS + 100) + ")");
                s.execute("analyze patient");
            }
        }
    }

    // ------------------------------------------------------------------ JBeret's job repository

    /** Waits until the execution has committed a checkpoint at or after the given patient; returns it. */
    private long awaitCheckpoint(long execution, long atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String status = text("select batchstatus from job_execution where jobexecutionid = ?", execution);
            if (status != null && !status.equals("STARTING") && !status.equals("STARTED")) {
                throw new AssertionError("execution " + execution + " ended (" + status + ") before it could be killed"
                        + " mid-run; raise PATIENTS");
            }
            byte[] checkpoint = bytes("select readercheckpointinfo from step_execution where jobexecutionid = ?", execution);
            if (checkpoint != null && patientId(checkpoint) >= atLeast) {
                return patientId(checkpoint);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("execution " + execution + " committed no checkpoint at patient " + atLeast
                + " within 3 minutes");
    }

    private long committedCheckpoint(long execution) throws Exception {
        byte[] checkpoint = bytes("select readercheckpointinfo from step_execution where jobexecutionid = ?", execution);
        assertThat(checkpoint).as("a committed checkpoint").isNotNull();
        return patientId(checkpoint);
    }

    /** The reader's checkpoint (the last patient id of a committed chunk), as JBeret stores it: a serialized Long. */
    static long patientId(byte[] serialized) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.lang.Long;java.lang.Number;!*"));
            return ((Number) in.readObject()).longValue();
        }
    }

    // ------------------------------------------------------------------ SQL

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(dbUrl, System.getProperty("hms.it.db.user"),
                System.getProperty("hms.it.db.password"));
    }

    private List<Long> column(String sql, Object... parameters) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private long number(String sql, Object... parameters) throws SQLException {
        List<Long> values = column(sql, parameters);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private String text(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private byte[] bytes(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = prepare(c, sql, parameters); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getBytes(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }

    /** Waits until nothing listens on the ports any more (the killed JVM is gone). */
    private static void awaitClosed(int... ports) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (int port : ports) {
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("localhost", port), 500);
                } catch (IOException closed) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("port " + port + " still open 60 s after kill -9");
                }
                Thread.sleep(200);
            }
        }
    }

    // ------------------------------------------------------------------ WildFly's HTTP management API

    /**
     * The operations of the batch-jberet deployment resource over WildFly's HTTP management API (POST /management
     * with a JSON operation; HTTP Digest, MD5, against the ManagementRealm), as the web console calls them.
     */
    static final class Management {
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final SecureRandom RANDOM = new SecureRandom();
        private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");
        private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

        private final URI endpoint;
        private final String user;
        private final String password;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        private Management(URI endpoint, String user, String password) {
            this.endpoint = endpoint;
            this.user = user;
            this.password = password;
        }

        /**
         * Adds a management user to the node's copy of mgmt-users.properties, in the form add-user.sh writes
         * ({@code user=HEX(MD5(user:ManagementRealm:password))}); the running server's properties realm rereads the
         * file when it has changed (WFCORE-5650).
         */
        static Management withNewUser(Path nodeBase, int offset) throws Exception {
            String user = "it-batch-admin";
            String password = "It-" + HexFormat.of().formatHex(random(9)) + "-7!";
            Files.writeString(nodeBase.resolve("configuration/mgmt-users.properties"),
                    "\n" + user + "=" + md5(user + ":ManagementRealm:" + password) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            return new Management(URI.create("http://localhost:" + (9990 + offset) + "/management"), user, password);
        }

        /** start-job on /deployment=hms.ear/subdeployment=hms-batch.jar/subsystem=batch-jberet; the execution id. */
        long startJob(String jobXmlName, Map<String, String> properties) throws Exception {
            ObjectNode op = operation("start-job", deployment());
            op.put("job-xml-name", jobXmlName);
            ObjectNode props = op.putObject("properties");
            properties.forEach(props::put);
            return success(execute(op)).asLong();
        }

        /** restart-job with jberet.restart.mode; the whole response (outcome, result or failure-description). */
        JsonNode restartJob(long executionId, String restartMode) throws Exception {
            ObjectNode op = operation("restart-job", deployment());
            op.put("execution-id", executionId);
            op.putObject("properties").put("jberet.restart.mode", restartMode);
            return execute(op);
        }

        /** The batch-status attribute of …/job=duplicate-patient-finder/execution=N. */
        String batchStatus(long executionId) throws Exception {
            List<String[]> address = job();
            address.add(new String[] {"execution", Long.toString(executionId)});
            ObjectNode op = operation("read-attribute", address);
            op.put("name", "batch-status");
            return success(execute(op)).asText();
        }

        /** The execution=* children of …/job=duplicate-patient-finder. */
        List<String> executions() throws Exception {
            ObjectNode op = operation("read-children-names", job());
            op.put("child-type", "execution");
            List<String> names = new ArrayList<>();
            success(execute(op)).forEach(n -> names.add(n.asText()));
            return names;
        }

        String awaitEnd(long executionId, Duration limit) throws Exception {
            Instant deadline = Instant.now().plus(limit);
            String status = batchStatus(executionId);
            while (!ENDED.contains(status) && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
                status = batchStatus(executionId);
            }
            return status;
        }

        static JsonNode success(JsonNode response) {
            if (!"success".equals(response.path("outcome").asText())) {
                throw new AssertionError("management operation failed: " + response.path("failure-description"));
            }
            return response.path("result");
        }

        private static List<String[]> deployment() {
            List<String[]> address = new ArrayList<>();
            address.add(new String[] {"deployment", "hms.ear"});
            address.add(new String[] {"subdeployment", "hms-batch.jar"});
            address.add(new String[] {"subsystem", "batch-jberet"});
            return address;
        }

        private static List<String[]> job() {
            List<String[]> address = deployment();
            address.add(new String[] {"job", JOB});
            return address;
        }

        private static ObjectNode operation(String name, List<String[]> address) {
            ObjectNode op = JSON.createObjectNode();
            op.put("operation", name);
            ArrayNode elements = op.putArray("address");
            for (String[] element : address) {
                elements.addObject().put(element[0], element[1]);
            }
            return op;
        }

        private JsonNode execute(ObjectNode operation) throws Exception {
            String body = JSON.writeValueAsString(operation);
            HttpResponse<String> response = post(body, null);
            if (response.statusCode() == 401) {
                response = post(body, digestAuthorization(response));
            }
            if (response.statusCode() == 401) {
                throw new IllegalStateException("the management interface refused " + user + ": "
                        + response.headers().allValues("WWW-Authenticate"));
            }
            return JSON.readTree(response.body());
        }

        private HttpResponse<String> post(String body, String authorization) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** RFC 7616 digest (MD5, qop=auth) answering the 401's challenge. */
        private String digestAuthorization(HttpResponse<String> unauthorized) throws Exception {
            List<String> challenges = unauthorized.headers().allValues("WWW-Authenticate");
            Map<String, String> c = challenges.stream()
                    .filter(h -> h.regionMatches(true, 0, "Digest ", 0, 7))
                    .map(Management::parameters)
                    .filter(p -> p.get("algorithm") == null || "MD5".equalsIgnoreCase(p.get("algorithm")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no MD5 digest challenge in " + challenges));
            String realm = c.get("realm");
            String nonce = c.get("nonce");
            String uri = endpoint.getRawPath();
            String ha1 = md5(user + ":" + realm + ":" + password);
            String ha2 = md5("POST:" + uri);
            boolean qopAuth = c.get("qop") != null
                    && Arrays.stream(c.get("qop").split(",")).map(String::trim).anyMatch("auth"::equalsIgnoreCase);
            String nc = "00000001";
            String cnonce = HexFormat.of().formatHex(random(12));
            String response = qopAuth
                    ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                    : md5(ha1 + ":" + nonce + ":" + ha2);
            StringBuilder h = new StringBuilder("Digest username=\"").append(user)
                    .append("\", realm=\"").append(realm)
                    .append("\", nonce=\"").append(nonce)
                    .append("\", uri=\"").append(uri)
                    .append("\", response=\"").append(response)
                    .append("\", algorithm=MD5");
            if (qopAuth) {
                h.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
            }
            if (c.get("opaque") != null) {
                h.append(", opaque=\"").append(c.get("opaque")).append('"');
            }
            return h.toString();
        }

        private static Map<String, String> parameters(String header) {
            Map<String, String> p = new HashMap<>();
            Matcher m = PARAM.matcher(header);
            while (m.find()) {
                p.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
            }
            return p;
        }

        private static String md5(String s) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        }

        private static byte[] random(int n) {
            byte[] b = new byte[n];
            RANDOM.nextBytes(b);
            return b;
        }
    }
}
