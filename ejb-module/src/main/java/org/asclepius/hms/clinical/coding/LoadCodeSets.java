package org.asclepius.hms.clinical.coding;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema migration 17.2: loads the code sets shipped with the product into the tables of V17, so that every
 * database (H2 and PostgreSQL alike) has them — the curated ICD-10-CM subset (read by the same parser as the CMS
 * files a hospital uploads), the allergen list and the SNOMED CT → ICD-10-CM map, whose every target must be in
 * the subset. Registered explicitly with Flyway (no class-path scanning inside WildFly). Its checksum covers the
 * three resources, so an edited resource is noticed by Flyway's validation rather than silently ignored.
 */
public class LoadCodeSets implements JavaMigration {
    /** The curated subset, in the CMS codes-file layout; its name tells its version, as a CMS file name does. */
    public static final String ICD_SUBSET = "/clinical/icd10cm_codes_2023_subset.txt";
    public static final String ICD10CM = "ICD-10-CM";
    public static final String ALLERGENS = "Allergens";
    public static final String SNOMED_MAP = "SNOMED CT to ICD-10-CM";
    static final String SHIPPED_VERSION = "asclepius-1";
    /** The CMS release the curated subset was taken from. */
    public static final String SUBSET_VERSION = "2023";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("17.2");
    }

    @Override
    public String getDescription() {
        return "load code sets";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        for (String resource : List.of(ICD_SUBSET, CodeSetCsv.ALLERGENS, CodeSetCsv.SNOMED_MAP)) {
            try (InputStream in = open(resource)) {
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Instant now = Instant.now();
        CmsIcdFile subset;
        try (InputStream in = open(ICD_SUBSET)) {
            subset = CmsIcdFile.read(in);
        }
        String version = SUBSET_VERSION;
        IcdCodeTable.insert(c, subset.entries(), version, now);
        codeSet(c, ICD10CM, version + " (subset)", "Curated subset of the CMS ICD-10-CM " + version + " codes file ("
                + subset.entries().size() + " common codes) shipped with Asclepius", now);

        List<AllergenRecord> allergens;
        try (InputStreamReader in = new InputStreamReader(open(CodeSetCsv.ALLERGENS), StandardCharsets.UTF_8)) {
            allergens = CodeSetCsv.allergens(in);
        }
        try (PreparedStatement ps = c.prepareStatement("insert into allergen (system, code, display, category,"
                + " snomed_code, search_key, active) values (?, ?, ?, ?, ?, ?, true)")) {
            for (AllergenRecord a : allergens) {
                ps.setString(1, a.system());
                ps.setString(2, a.code());
                ps.setString(3, a.display());
                ps.setString(4, a.category().name());
                ps.setString(5, a.snomedCode());
                ps.setString(6, SearchText.key(a.display()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        codeSet(c, ALLERGENS, SHIPPED_VERSION, "Allergen list shipped with Asclepius (" + allergens.size()
                + " RxNorm ingredients and local entries)", now);

        List<SnomedIcdMapping> map;
        try (InputStreamReader in = new InputStreamReader(open(CodeSetCsv.SNOMED_MAP), StandardCharsets.UTF_8)) {
            map = CodeSetCsv.snomedMap(in);
        }
        Set<String> codes = new HashSet<>();
        subset.entries().forEach(e -> codes.add(e.code()));
        try (PreparedStatement ps = c.prepareStatement("insert into snomed_icd10cm_map (snomed_code, snomed_display,"
                + " icd10cm_code, note) values (?, ?, ?, ?)")) {
            for (SnomedIcdMapping m : map) {
                if (!codes.contains(m.icdCode())) {
                    throw new IllegalStateException(CodeSetCsv.SNOMED_MAP + " line " + m.line() + ": "
                            + m.icdCode() + " is not in the ICD-10-CM subset");
                }
                ps.setString(1, m.snomedCode());
                ps.setString(2, m.snomedDisplay());
                ps.setString(3, m.icdCode());
                ps.setString(4, m.note());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        codeSet(c, SNOMED_MAP, SHIPPED_VERSION, "Curated SNOMED CT to ICD-10-CM map shipped with Asclepius ("
                + map.size() + " concepts)", now);
    }

    private static void codeSet(Connection c, String name, String version, String source, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into code_set (name, version, source, loaded_at,"
                + " loaded_by) values (?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, version);
            ps.setString(3, source);
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(5, "schema migration");
            ps.executeUpdate();
        }
    }

    static InputStream open(String resource) {
        InputStream in = LoadCodeSets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return in;
    }
}
