package org.asclepius.hms.web.shared;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /logout}: ends the application session and sends the browser to Keycloak's end-session endpoint
 * (WildFly's OIDC client has no sign-out of its own). Not constrained in web.xml, so that it also works when
 * the session has already expired.
 */
@WebServlet(urlPatterns = "/logout")
public class SignOutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());
    /** Where WildFly's OIDC client keeps the signed-in account in the HTTP session. */
    static final String OIDC_ACCOUNT = "org.wildfly.security.http.oidc.OidcAccount";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String idToken = idToken(request);
        try {
            request.logout();
        } catch (ServletException e) {
            LOG.log(Level.FINE, "logout: {0}", e.getClass().getName());
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing to end
            }
        }
        String back = SignOut.applicationBase(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getContextPath());
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(SignOut.endSessionUrl(SignOut.providerUrl(), back, idToken));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /**
     * The user's ID token, read through the OIDC client's public API by reflection (its classes are not on
     * the application's compile path); null when not signed in or not available.
     */
    static String idToken(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            Object account = session == null ? null : session.getAttribute(OIDC_ACCOUNT);
            if (account == null) {
                return null;
            }
            Object context = call(account, "getOidcSecurityContext");
            Object token = context == null ? null : call(context, "getIDTokenString");
            return token instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}
