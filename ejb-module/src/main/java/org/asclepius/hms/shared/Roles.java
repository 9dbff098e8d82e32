package org.asclepius.hms.shared;

/**
 * Every role of the system, in one place. The names are the Keycloak realm roles (and the
 * {@code groups} claim of API tokens); EJBs use them in {@code @RolesAllowed}, web.xml in its constraints.
 */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String PHYSICIAN = "physician";
    public static final String NURSE = "nurse";
    public static final String RECEPTIONIST = "receptionist";
    public static final String BILLING_CLERK = "billing-clerk";
    public static final String PHARMACIST = "pharmacist";
    public static final String LAB_TECHNICIAN = "lab-technician";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /**
     * Health information management: merges and unmerges patient records. A role of its own, because a wrong
     * merge mixes two people's records.
     */
    public static final String RECORDS_OFFICER = "records-officer";
    /** Integration systems (lab, PACS, payers) calling the API with client-credential tokens. */
    public static final String INTEGRATION = "integration";
    /** Work no person starts (timers, batch jobs, outbox workers) runs as this role via {@code @RunAs}. */
    public static final String SYSTEM = "system";

    /** All roles a person can hold, in the order they are shown. */
    public static final String[] STAFF = {ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, BILLING_CLERK, PHARMACIST,
            LAB_TECHNICIAN, PRIVACY_OFFICER, RECORDS_OFFICER};
    /** Every role the audit trail records when it finds the caller holding it. */
    public static final String[] ALL = {ADMIN, PHYSICIAN, NURSE, RECEPTIONIST, BILLING_CLERK, PHARMACIST,
            LAB_TECHNICIAN, PRIVACY_OFFICER, RECORDS_OFFICER, INTEGRATION, SYSTEM};

    private Roles() {
    }
}
