package org.asclepius.hms.shared;

/**
 * A result that belongs to one patient. The audit interceptor writes one event for each patient found in
 * what an {@code @Audited} method returns (directly, in a collection or in a {@link Page}).
 */
public interface PatientScoped {
    long patientId();

    /** The id of the audited resource: the patient's own, unless the result is another resource about them. */
    default String resourceId() {
        return String.valueOf(patientId());
    }
}
