package org.asclepius.hms.web.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.asclepius.hms.shared.RequestContext;

/**
 * The reference shown on the error page: the failed request's id, which the log line of the failure carries
 * (the page is either the same request's error dispatch, or reached by redirect with {@code ?ref=}).
 */
@Named
@RequestScoped
public class ErrorView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-fA-F-]{8,40}");

    @Inject
    RequestContext request;

    public String getReference() {
        String ref = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ref");
        if (ref != null && REFERENCE.matcher(ref).matches()) {
            return ref;
        }
        return request.getRequestId();
    }
}
