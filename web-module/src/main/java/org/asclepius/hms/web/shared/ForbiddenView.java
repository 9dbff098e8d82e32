package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import java.io.Serializable;

/**
 * The forbidden page. When the container refused a request (web.xml constraint or a screen's own role check,
 * both reaching this page as the 403 error page) it records the refusal; when the exception handler sent the
 * user here after a service refused an action, that handler has recorded it already.
 */
@Named
@RequestScoped
public class ForbiddenView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    DeniedAccess denied;

    /** preRenderView of /error/forbidden.xhtml. */
    public void record() {
        Object refused = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_REQUEST_URI);
        if (refused instanceof String uri) {
            denied.record(uri, "web page");
        }
    }
}
