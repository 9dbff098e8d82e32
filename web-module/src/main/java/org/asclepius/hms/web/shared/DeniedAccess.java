package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asclepius.hms.audit.AuditAction;
import org.asclepius.hms.audit.AuditOutcome;
import org.asclepius.hms.audit.AuditTrail;
import org.asclepius.hms.shared.RequestContext;

/**
 * Records a refused page or action in the audit trail, once per request: the container's 403 (web.xml
 * constraint), a screen's own role check and a service's {@code EJBAccessException} all end on the forbidden
 * page, and the refusal is written only once.
 */
@ApplicationScoped
public class DeniedAccess {
    private static final Logger LOG = Logger.getLogger(DeniedAccess.class.getName());
    static final int MAX_RESOURCE_ID = 100;

    @Inject
    AuditTrail trail;
    @Inject
    RequestContext request;

    /**
     * @param requestUri the refused request's URI (path only; a query string or path parameters are cut off)
     * @param detail     how it was refused ("web page", "web action")
     */
    public void record(String requestUri, String detail) {
        String path = pathOnly(requestUri);
        try {
            if (request.firstTime("denied|" + path)) {
                trail.recordAttempt(AuditOutcome.DENIED, AuditAction.ACCESS, "Page", path, null, detail);
            }
        } catch (RuntimeException e) {
            // the refusal itself still stands; the failure to record it must be visible to operations
            LOG.log(Level.SEVERE, "Could not record a denied access (request {0}): {1}",
                    new Object[] {safeRequestId(), e.getClass().getName()});
        }
    }

    private String safeRequestId() {
        try {
            return request.getRequestId();
        } catch (RuntimeException e) {
            return "-";
        }
    }

    static String pathOnly(String uri) {
        if (uri == null || uri.isBlank()) {
            return "unknown";
        }
        String path = uri;
        int cut = path.indexOf('?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        cut = path.indexOf(';');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return path.length() <= MAX_RESOURCE_ID ? path : path.substring(0, MAX_RESOURCE_ID);
    }
}
