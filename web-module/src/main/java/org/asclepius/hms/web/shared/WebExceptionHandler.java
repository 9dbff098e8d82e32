package org.asclepius.hms.web.shared;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.DomainException;
import org.asclepius.hms.shared.NotFoundException;
import org.asclepius.hms.shared.RequestContext;

/**
 * The safety net under every screen, for AJAX and full-page requests alike. Screens handle their own domain
 * failures (field messages, conflicts); what reaches this handler is turned into something a user can act on,
 * and never into a stack trace:
 * <ul>
 * <li>{@link EJBAccessException} (a service refused the caller's roles): recorded as a DENIED audit event and
 * answered with the forbidden page (HTTP 403 for a full page);</li>
 * <li>{@link AccessRefusedException} (the caller's role may do this, but not for this patient: a chart outside any
 * care relationship): the refusal text as a message — never an error page; the service audited the refusal. When
 * it happens while a page is drawn (a lazily loaded tab after a break-the-glass access ran out), the message is
 * kept and the page is opened again from its address (an AJAX request), where it offers break-the-glass, or the
 * home page (a full-page request, which must not loop);</li>
 * <li>{@link NotFoundException}: a message (or the not-found page when the page could not be rendered);</li>
 * <li>{@link ViewExpiredException}: the "page expired" page;</li>
 * <li>another {@link DomainException}: its message, which is written for users;</li>
 * <li>anything else: logged with the exception classes and the request id only (no messages, which may carry
 * patient data) and answered with the error page showing that request id.</li>
 * </ul>
 */
public class WebExceptionHandler extends ExceptionHandlerWrapper {
    private static final Logger LOG = Logger.getLogger(WebExceptionHandler.class.getName());
    static final String FORBIDDEN_PAGE = "/error/forbidden.xhtml";
    static final String NOT_FOUND_PAGE = "/error/not-found.xhtml";
    static final String EXPIRED_PAGE = "/error/expired.xhtml";
    static final String ERROR_PAGE = "/error/error.xhtml";
    static final String HOME_PAGE = "/index.xhtml";

    enum Kind { DENIED, REFUSED, EXPIRED, NOT_FOUND, DOMAIN, UNEXPECTED }

    public WebExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext context = FacesContext.getCurrentInstance();
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        boolean answered = false;
        while (events.hasNext()) {
            ExceptionQueuedEvent event = events.next();
            Throwable failure = event.getContext().getException();
            PhaseId phase = event.getContext().getPhaseId();
            events.remove();
            if (answered) {
                LOG.log(Level.WARNING, "Request {0}: further failure {1}",
                        new Object[] {requestId(), describe(failure)});
                continue;
            }
            answered = true;
            try {
                answer(context, failure, phase);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Request {0}: could not show the error page: {1}",
                        new Object[] {requestId(), describe(e)});
                context.responseComplete();
            }
        }
        getWrapped().handle();
    }

    private void answer(FacesContext context, Throwable failure, PhaseId phase) throws IOException {
        ExternalContext external = context.getExternalContext();
        boolean ajax = context.getPartialViewContext().isAjaxRequest();
        Kind kind = classify(failure);
        if (external.getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE) != null) {
            // already rendering an error page: do not send another error, answer plainly
            LOG.log(Level.SEVERE, "Request {0}: the error page failed: {1}",
                    new Object[] {requestId(), describe(failure)});
            writePlainError(context);
            return;
        }
        switch (kind) {
            case DENIED -> {
                HttpServletRequest request = (HttpServletRequest) external.getRequest();
                CDI.current().select(DeniedAccess.class).get().record(request.getRequestURI(), "web action");
                LOG.log(Level.INFO, "Request {0}: refused by a service ({1})",
                        new Object[] {requestId(), describe(find(failure, EJBAccessException.class))});
                if (ajax) {
                    redirect(context, FORBIDDEN_PAGE);
                } else {
                    sendError(context, HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case EXPIRED -> redirect(context, EXPIRED_PAGE);
            case REFUSED -> {
                AccessRefusedException refused = find(failure, AccessRefusedException.class);
                if (phase == PhaseId.RENDER_RESPONSE) {
                    external.getFlash().setKeepMessages(true);
                    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(),
                            refused.getMessage()));
                    redirectTo(context, ajax ? sameView(context) : external.getRequestContextPath() + HOME_PAGE);
                } else {
                    context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, refused.getMessage(),
                            refused.getMessage()));
                    context.validationFailed();
                    context.renderResponse();
                }
            }
            case NOT_FOUND, DOMAIN -> {
                DomainException domain = find(failure, DomainException.class);
                if (phase == PhaseId.RENDER_RESPONSE) {
                    if (kind == Kind.NOT_FOUND && !ajax) {
                        sendError(context, HttpServletResponse.SC_NOT_FOUND);
                    } else {
                        redirect(context, kind == Kind.NOT_FOUND ? NOT_FOUND_PAGE : ERROR_PAGE);
                    }
                } else {
                    context.addMessage(null,
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, domain.getMessage(), domain.getMessage()));
                    context.validationFailed();
                    context.renderResponse();
                }
            }
            default -> {
                LOG.log(Level.SEVERE, "Request {0} failed: {1}", new Object[] {requestId(), describe(failure)});
                if (ajax) {
                    redirect(context, ERROR_PAGE + "?ref=" + requestId());
                } else {
                    sendError(context, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                }
            }
        }
    }

    static Kind classify(Throwable failure) {
        if (find(failure, EJBAccessException.class) != null) {
            return Kind.DENIED;
        }
        if (find(failure, ViewExpiredException.class) != null) {
            return Kind.EXPIRED;
        }
        if (find(failure, AccessRefusedException.class) != null) {
            return Kind.REFUSED;
        }
        if (find(failure, NotFoundException.class) != null) {
            return Kind.NOT_FOUND;
        }
        if (find(failure, DomainException.class) != null) {
            return Kind.DOMAIN;
        }
        return Kind.UNEXPECTED;
    }

    /** The first exception of this type in the cause chain (EJBException, FacesException, ELException…). */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The exception classes of the cause chain and where the innermost one was thrown; no messages, which
     * may contain patient data.
     */
    static String describe(Throwable failure) {
        StringJoiner chain = new StringJoiner(" <- ");
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            chain.add(t.getClass().getName());
            innermost = t;
        }
        StackTraceElement[] trace = innermost == null ? new StackTraceElement[0] : innermost.getStackTrace();
        return trace.length == 0 ? chain.toString() : chain + " at " + trace[0];
    }

    private static String requestId() {
        try {
            return CDI.current().select(RequestContext.class).get().getRequestId();
        } catch (RuntimeException e) {
            return "-";
        }
    }

    private static void sendError(FacesContext context, int status) throws IOException {
        ExternalContext external = context.getExternalContext();
        if (external.isResponseCommitted()) {
            LOG.log(Level.WARNING, "Request {0}: response already committed, cannot send {1}",
                    new Object[] {requestId(), status});
            context.responseComplete();
            return;
        }
        external.responseReset();
        external.responseSendError(status, null);
        context.responseComplete();
    }

    /** The address of the page being shown, with its view parameters (e.g. the chart's patient). */
    private static String sameView(FacesContext context) {
        String viewId = context.getViewRoot() == null ? HOME_PAGE : context.getViewRoot().getViewId();
        return context.getApplication().getViewHandler().getBookmarkableURL(context, viewId, Map.of(), true);
    }

    /** A redirect that also works in an AJAX request (a partial-response redirect). */
    private static void redirect(FacesContext context, String page) throws IOException {
        redirectTo(context, context.getExternalContext().getRequestContextPath() + page);
    }

    private static void redirectTo(FacesContext context, String url) throws IOException {
        ExternalContext external = context.getExternalContext();
        if (external.isResponseCommitted()) {
            context.responseComplete();
            return;
        }
        external.responseReset();
        if (context.getPartialViewContext().isAjaxRequest()) {
            external.setResponseStatus(HttpServletResponse.SC_OK);
            external.setResponseContentType("text/xml");
            external.setResponseCharacterEncoding("UTF-8");
            external.addResponseHeader("Cache-Control", "no-cache");
            Writer out = external.getResponseOutputWriter();
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                    + "\"></redirect></partial-response>");
            out.flush();
        } else {
            external.redirect(url);
        }
        context.responseComplete();
    }

    private static void writePlainError(FacesContext context) throws IOException {
        ExternalContext external = context.getExternalContext();
        if (!external.isResponseCommitted()) {
            external.responseReset();
            external.setResponseStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            external.setResponseContentType("text/html");
            external.setResponseCharacterEncoding("UTF-8");
            external.getResponseOutputWriter().write("<!DOCTYPE html><html><head><title>Asclepius HMS</title></head>"
                    + "<body><h1>Something went wrong</h1><p>Please try again. If it happens again, tell the IT"
                    + " service desk this reference: " + requestId() + "</p></body></html>");
        }
        context.responseComplete();
    }
}
