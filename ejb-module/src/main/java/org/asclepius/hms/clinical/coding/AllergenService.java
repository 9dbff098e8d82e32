package org.asclepius.hms.clinical.coding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.InvalidInputException;
import org.asclepius.hms.shared.Roles;
import org.hibernate.Session;

/**
 * The allergens an allergy can be recorded against: drug ingredients in RxNorm, and the hospital's own list of
 * foods, environmental substances, drug classes and biologics. Lookups are not patient data and are not audited.
 */
@Stateless
public class AllergenService {
    public static final int MAX_RESULTS = 100;
    private static final String COLUMNS = "system, code, display, category, snomed_code, active";

    @PersistenceContext
    EntityManager em;

    /**
     * Active allergens whose every typed word starts a word of the name (any order, any case), of one category or
     * of all ({@code category} null); names starting with the first word come first, then alphabetical. Blank text
     * lists the category alphabetically.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public List<AllergenRecord> search(String text, AllergenCategory category, int max) {
        int limit = Math.max(1, Math.min(max, MAX_RESULTS));
        List<String> patterns = SearchText.patterns(text);
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from allergen where active = true");
        if (category != null) {
            sql.append(" and category = ?");
            parameters.add(category.name());
        }
        patterns.forEach(p -> {
            sql.append(" and search_key like ?");
            parameters.add(p);
        });
        if (patterns.isEmpty()) {
            sql.append(" order by display");
        } else {
            sql.append(" order by case when search_key like ? then 0 else 1 end, display");
            parameters.add(" " + patterns.get(0).substring(2));
        }
        sql.append(" limit ?");
        parameters.add(limit);
        return rows(sql.toString(), parameters);
    }

    /** The allergen with this system (its URI) and code, active or not. */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public Optional<AllergenRecord> find(String system, String code) {
        if (system == null || code == null) {
            return Optional.empty();
        }
        return rows("select " + COLUMNS + " from allergen where system = ? and code = ?",
                List.of(system.strip(), code.strip())).stream().findFirst();
    }

    /**
     * The allergen, which must be on the list and in use; otherwise an {@link InvalidInputException} on the field
     * {@code allergen} ("Unknown allergen …"). What the health record calls before it records an allergy.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public AllergenRecord require(String system, String code) {
        if (code == null || code.isBlank()) {
            throw InvalidInputException.of("allergen", "An allergen is required");
        }
        String source = system == null || system.isBlank() ? "no code system" : CodeSystems.shortName(system.strip());
        AllergenRecord found = find(system, code).orElseThrow(() -> InvalidInputException.of("allergen",
                "Unknown allergen " + code.strip() + " (" + source + ")"));
        if (!found.active()) {
            throw InvalidInputException.of("allergen", "Allergen " + found.display() + " is no longer in use");
        }
        return found;
    }

    private List<AllergenRecord> rows(String sql, List<?> parameters) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<AllergenRecord> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    ps.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new AllergenRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                AllergenCategory.valueOf(rs.getString(4)), rs.getString(5), rs.getBoolean(6)));
                    }
                }
            }
            return result;
        });
    }
}
