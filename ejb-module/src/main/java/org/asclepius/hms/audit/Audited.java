package org.asclepius.hms.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method whose use must be audited. The {@link AuditInterceptor} writes one event per
 * patient found in the result (see {@link org.asclepius.hms.shared.PatientScoped}) in the method's own
 * transaction, and a FAILED event in a transaction of its own when the method throws.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {
    @Nonbinding
    AuditAction action() default AuditAction.READ;

    @Nonbinding
    String resource() default "Patient";
}
