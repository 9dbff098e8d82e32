package org.asclepius.hms.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collection;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.Page;
import org.asclepius.hms.shared.PatientScoped;
import org.asclepius.hms.shared.PatientsScoped;

/**
 * The one place where service calls on patient data are audited: after the method returns, one event for
 * each patient in the result, in the method's transaction; when it throws, one FAILED event in a
 * transaction of its own.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {
    @Inject
    AuditTrail trail;

    @AroundInvoke
    public Object audit(InvocationContext ctx) throws Exception {
        Audited audited = binding(ctx.getMethod());
        Object result;
        try {
            result = ctx.proceed();
        } catch (AccessRefusedException refused) {
            throw refused; // the access check recorded the DENIED attempt with the patient it was about
        } catch (Exception e) {
            Long patient = patientArgument(ctx);
            String detail = e instanceof DomainException ? e.getClass().getSimpleName()
                    : "error " + e.getClass().getSimpleName();
            trail.recordAttempt(AuditOutcome.FAILED, audited.action(), audited.resource(),
                    patient == null ? null : patient.toString(), patient, detail);
            throw e;
        }
        recordResult(audited, result);
        return result;
    }

    private void recordResult(Audited audited, Object result) {
        if (result instanceof PatientScoped scoped) {
            trail.recordSuccess(audited.action(), audited.resource(), scoped.resourceId(), scoped.patientId());
        } else if (result instanceof PatientsScoped several) {
            several.scopedParts().forEach(part -> recordResult(audited, part));
        } else if (result instanceof Page<?> page) {
            page.items().forEach(item -> recordResult(audited, item));
        } else if (result instanceof Collection<?> items) {
            items.forEach(item -> recordResult(audited, item));
        } else if (result instanceof java.util.Optional<?> optional) {
            optional.ifPresent(item -> recordResult(audited, item));
        }
    }

    private static Audited binding(Method method) {
        Audited a = method.getAnnotation(Audited.class);
        return a != null ? a : method.getDeclaringClass().getAnnotation(Audited.class);
    }

    private static Long patientArgument(InvocationContext ctx) {
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof PatientRef && ctx.getParameters()[i] instanceof Number n) {
                    return n.longValue();
                }
            }
        }
        return null;
    }
}
