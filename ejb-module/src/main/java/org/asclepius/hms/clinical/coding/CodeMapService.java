package org.asclepius.hms.clinical.coding;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.asclepius.hms.shared.Code;
import org.asclepius.hms.shared.CodeSystems;
import org.asclepius.hms.shared.Roles;
import org.hibernate.Session;

/**
 * Maps between code systems where a curated map exists: SNOMED CT (in which Synthea and many systems record
 * conditions) to ICD-10-CM, for the disorders and the standard Z-code situations of the shipped map. Conditions
 * stay coded in SNOMED CT; the map adds the ICD-10-CM code billing and reports need.
 */
@Stateless
public class CodeMapService {
    @PersistenceContext
    EntityManager em;

    /**
     * The ICD-10-CM code (with its current description) the SNOMED CT concept maps to, if the map has it and the
     * code is in the loaded code set.
     */
    @RolesAllowed({Roles.PHYSICIAN, Roles.NURSE, Roles.BILLING_CLERK, Roles.ADMIN, Roles.PHARMACIST,
            Roles.LAB_TECHNICIAN, Roles.RECORDS_OFFICER, Roles.INTEGRATION, Roles.SYSTEM})
    public Optional<Code> icd10For(String snomedCode) {
        if (snomedCode == null || snomedCode.isBlank()) {
            return Optional.empty();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select i.code, i.display from snomed_icd10cm_map m"
                    + " join icd10cm_code i on i.code = m.icd10cm_code where m.snomed_code = ? and i.active = true")) {
                ps.setString(1, snomedCode.strip());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Code(CodeSystems.ICD10CM, rs.getString(1), rs.getString(2)))
                            : Optional.<Code>empty();
                }
            }
        });
    }
}
