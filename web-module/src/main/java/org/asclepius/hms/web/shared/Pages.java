package org.asclepius.hms.web.shared;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small helpers the views share: messages that survive a redirect, refusing a page, a page's HTTP status. */
public final class Pages {
    private Pages() {
    }

    /** A message shown on the next page, after a redirect. */
    public static void flash(FacesMessage.Severity severity, String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(severity, text, text));
    }

    /** A message for the page (not beside a field). */
    public static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, text));
    }

    /**
     * Answers the request with an HTTP error (and so with the matching error page of web.xml): a screen's
     * own check, before it shows a form the services would refuse anyway.
     */
    public static void sendError(int status) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    /** The HTTP status of the page being rendered (e.g. 404 for a record that does not exist). */
    public static void status(int status) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!external.isResponseCommitted()) {
            external.setResponseStatus(status);
        }
    }
}
