package org.asclepius.hms.clinical.coding;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Roles;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.ejb3.annotation.TransactionTimeout;

/**
 * ICD-10-CM: the fast code search of the diagnosis screens, the checks the health record makes before it records a
 * diagnosis ({@link #require}, {@link #requireBillable}), and the loader of the official CMS files with which a
 * hospital replaces the curated subset by the full code set of a year. Code lookups are not patient data and are
 * not audited; a load is an administrator's change and is.
 */
@Stateless
public class IcdCodeService {
    private static final Logger LOG = Logger.getLogger(IcdCodeService.class.getName());
    /** The most results one search returns. */
    public static final int MAX_RESULTS = 100;
    private static final String COLUMNS = "code, display, billable, active, version";

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    /**
     * Searches active codes. A code or the start of one, typed with or without its dot ({@code e11}, {@code E11.9},
     * {@code E119}), lists the codes starting with it first, shortest first. Otherwise every word typed must start a
     * word of the description, in any order and case ({@code "diabetes type 2"}, {@code "hypert"}); billable codes
     * come first, then the shortest codes.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public List<IcdCodeRecord> search(String text, int max) {
        int limit = Math.max(1, Math.min(max, MAX_RESULTS));
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return work(c -> {
            Map<String, IcdCodeRecord> found = new LinkedHashMap<>();
            Optional<String> prefix = IcdCodes.codePrefix(text);
            if (prefix.isPresent()) {
                query(c, "select " + COLUMNS + " from icd10cm_code where code_key like ? and active = true"
                        + " order by length(code_key), code_key limit ?", List.of(prefix.get() + "%", limit), found);
            }
            List<String> patterns = SearchText.patterns(text);
            if (found.size() < limit && !patterns.isEmpty()) {
                StringBuilder sql = new StringBuilder("select " + COLUMNS + " from icd10cm_code where active = true");
                patterns.forEach(p -> sql.append(" and search_key like ?"));
                sql.append(" order by billable desc, length(code_key), code_key limit ?");
                List<Object> parameters = new ArrayList<>(patterns);
                parameters.add(limit);
                query(c, sql.toString(), parameters, found);
            }
            return found.values().stream().limit(limit).toList();
        });
    }

    /** The code, active or not, typed with or without its dot; empty if there is no such code. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public Optional<IcdCodeRecord> find(String code) {
        return IcdCodes.normalize(code).flatMap(key -> work(c -> {
            Map<String, IcdCodeRecord> found = new LinkedHashMap<>();
            query(c, "select " + COLUMNS + " from icd10cm_code where code_key = ?", List.of(key), found);
            return found.values().stream().findFirst();
        }));
    }

    /**
     * The code, which must exist and be in the loaded code set; otherwise an {@link InvalidInputException} on the
     * field {@code code} ("Unknown ICD-10-CM code X"). What the health record calls before it records a diagnosis.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public IcdCodeRecord require(String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("code", "An ICD-10-CM code is required");
        }
        IcdCodeRecord found = find(code).orElseThrow(() -> InvalidInputException.of("code",
                "Unknown ICD-10-CM code " + code.strip()));
        if (!found.active()) {
            throw InvalidInputException.of("code", "ICD-10-CM code " + found.code() + " is no longer valid: the"
                    + " loaded code set (" + currentVersion() + ") does not list it");
        }
        return found;
    }

    /**
     * As {@link #require}, and the code must be billable: a category header ({@code E11}) is refused with the
     * advice to choose a more specific code.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public IcdCodeRecord requireBillable(String code) {
        IcdCodeRecord found = require(code);
        if (!found.billable()) {
            String example = work(c -> {
                Map<String, IcdCodeRecord> more = new LinkedHashMap<>();
                query(c, "select " + COLUMNS + " from icd10cm_code where code_key like ? and billable = true"
                                + " and active = true order by length(code_key), code_key limit 1",
                        List.of(IcdCodes.undotted(found.code()) + "_%"), more);
                return more.values().stream().findFirst().map(r -> " (e.g. " + r.code() + ")").orElse("");
            });
            throw InvalidInputException.of("code", "ICD-10-CM code " + found.code() + " is a category header, not"
                    + " a billable code: choose a more specific code" + example);
        }
        return found;
    }

    /**
     * Loads an official CMS ICD-10-CM file (the codes file {@code icd10cm_codes_YYYY.txt} or the order file
     * {@code icd10cm_order_YYYY.txt}; the layout is detected) as the full code set: codes new to the table are
     * added, changed descriptions and billable flags updated, codes listed again reactivated, and codes the file no
     * longer lists deactivated (never deleted). The whole file is checked before anything is written, and the
     * changes are written in one transaction: a bad line is refused with its line number and nothing changes. The
     * version is taken from the file name ({@code icd10cm_codes_2025.txt} → 2025). Two loads never run at once
     * (the code set's row is locked).
     */
    @RolesAllowed(Roles.ADMIN)
    @TransactionTimeout(value = 15, unit = TimeUnit.MINUTES)
    public IcdLoadResult load(InputStream in, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "uploaded file" : fileName.strip();
        if (in == null) {
            throw InvalidInputException.of("file", "Choose a CMS ICD-10-CM file to load");
        }
        long start = System.nanoTime();
        CmsIcdFile file;
        try {
            file = CmsIcdFile.read(in);
        } catch (CmsFileException e) {
            throw InvalidInputException.of("file", name + " was not loaded. " + e.getMessage());
        }
        String version = CmsIcdFile.versionOf(name);
        String user = session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        String nextId = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString("code_set_load_seq");
        IcdLoadResult result = work(c -> {
            try (PreparedStatement lock = c.prepareStatement("select version from code_set where name = ? for update")) {
                lock.setString(1, LoadCodeSets.ICD10CM);
                lock.executeQuery().close();
            }
            IcdLoadPlan plan = IcdLoadPlan.of(IcdCodeTable.readAll(c), file.entries());
            IcdCodeTable.apply(c, plan, version, now);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            IcdLoadResult r = new IcdLoadResult(version, name, file.format().name(), file.entries().size(),
                    plan.added().size(), plan.updated().size(), plan.reactivated().size(), plan.deactivated().size(),
                    plan.unchanged(), millis);
            try (PreparedStatement ps = c.prepareStatement("update code_set set version = ?, source = ?,"
                    + " loaded_at = ?, loaded_by = ? where name = ?")) {
                ps.setString(1, version);
                ps.setString(2, truncate("CMS ICD-10-CM " + file.format().name().toLowerCase() + " file " + name, 300));
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(4, user);
                ps.setString(5, LoadCodeSets.ICD10CM);
                ps.executeUpdate();
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(nextId); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into code_set_load (id, code_set, version,"
                    + " file_name, file_format, codes, added, updated, reactivated, deactivated, unchanged, millis,"
                    + " loaded_at, loaded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, LoadCodeSets.ICD10CM);
                ps.setString(3, version);
                ps.setString(4, truncate(name, 300));
                ps.setString(5, r.format());
                ps.setInt(6, r.codes());
                ps.setInt(7, r.added());
                ps.setInt(8, r.updated());
                ps.setInt(9, r.reactivated());
                ps.setInt(10, r.deactivated());
                ps.setInt(11, r.unchanged());
                ps.setLong(12, r.millis());
                ps.setObject(13, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(14, user);
                ps.executeUpdate();
            }
            return r;
        });
        audit.recordSuccess(AuditAction.UPDATE, "CodeSet", LoadCodeSets.ICD10CM, null, "ICD-10-CM " + version
                + " loaded from " + name + ": " + result.codes() + " codes, " + result.added() + " added, "
                + result.updated() + " updated, " + result.reactivated() + " reactivated, " + result.deactivated()
                + " deactivated");
        LOG.info(() -> "ICD-10-CM " + version + " loaded (" + result.format() + " file, " + result.codes()
                + " codes) in " + result.millis() + " ms");
        return result;
    }

    /** The code sets and their versions, with how many entries each holds (active and inactive). */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public List<CodeSetStatus> codeSets() {
        return work(c -> {
            Map<String, long[]> counts = new LinkedHashMap<>();
            counts.put(LoadCodeSets.ICD10CM, count(c, "select active, count(*) from icd10cm_code group by active"));
            counts.put(LoadCodeSets.ALLERGENS, count(c, "select active, count(*) from allergen group by active"));
            counts.put(LoadCodeSets.SNOMED_MAP, count(c, "select true, count(*) from snomed_icd10cm_map"));
            List<CodeSetStatus> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select name, version, source, loaded_at, loaded_by"
                    + " from code_set"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] n = counts.getOrDefault(rs.getString(1), new long[2]);
                    result.add(new CodeSetStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), n[0], n[1]));
                }
            }
            List<String> order = List.copyOf(counts.keySet());
            result.sort((a, b) -> Integer.compare(rank(order, a.name()), rank(order, b.name())));
            return result;
        });
    }

    /** The latest loads of CMS files, newest first. */
    @RolesAllowed(Roles.ADMIN)
    public List<IcdLoadResult> recentLoads(int max) {
        return work(c -> {
            List<IcdLoadResult> loads = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select version, file_name, file_format, codes, added,"
                    + " updated, reactivated, deactivated, unchanged, millis from code_set_load where code_set = ?"
                    + " order by loaded_at desc, id desc limit ?")) {
                ps.setString(1, LoadCodeSets.ICD10CM);
                ps.setInt(2, Math.max(1, Math.min(max, 100)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        loads.add(new IcdLoadResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getLong(10)));
                    }
                }
            }
            return loads;
        });
    }

    private String currentVersion() {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("select version from code_set where name = ?")) {
                ps.setString(1, LoadCodeSets.ICD10CM);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "none";
                }
            }
        });
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private static long[] count(Connection c, String sql) throws SQLException {
        long[] n = new long[2];
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                n[rs.getBoolean(1) ? 0 : 1] += rs.getLong(2);
            }
        }
        return n;
    }

    private static void query(Connection c, String sql, List<?> parameters, Map<String, IcdCodeRecord> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.putIfAbsent(rs.getString(1), new IcdCodeRecord(rs.getString(1), rs.getString(2),
                            rs.getBoolean(3), rs.getBoolean(4), rs.getString(5)));
                }
            }
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private <T> T work(Jdbc<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Work on the transaction's JDBC connection. */
    @FunctionalInterface
    interface Jdbc<T> {
        T run(Connection c) throws SQLException;
    }
}
