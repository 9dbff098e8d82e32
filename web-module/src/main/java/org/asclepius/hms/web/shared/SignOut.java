package org.asclepius.hms.web.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where sign-out sends the browser: Keycloak's end-session endpoint of the realm the web client signs in
 * with ({@code HMS_OIDC_PROVIDER_URL}, the same setting WEB-INF/oidc.json reads), which then returns the
 * browser to the application.
 */
public final class SignOut {
    /** The realm URL when {@code HMS_OIDC_PROVIDER_URL} is not set (as in WEB-INF/oidc.json). */
    public static final String DEFAULT_PROVIDER_URL = "http://localhost:8081/realms/hms";
    /** The OIDC client of the staff screens (as in WEB-INF/oidc.json). */
    public static final String CLIENT_ID = "hms-web";

    private SignOut() {
    }

    public static String providerUrl() {
        String configured = System.getenv("HMS_OIDC_PROVIDER_URL");
        return configured == null || configured.isBlank() ? DEFAULT_PROVIDER_URL : configured.trim();
    }

    /**
     * The end-session URL.
     *
     * @param idTokenHint the user's ID token if known (Keycloak then signs out without asking), else null
     */
    public static String endSessionUrl(String providerUrl, String postLogoutRedirectUri, String idTokenHint) {
        String base = providerUrl.endsWith("/") ? providerUrl.substring(0, providerUrl.length() - 1) : providerUrl;
        StringBuilder url = new StringBuilder(base).append("/protocol/openid-connect/logout")
                .append("?client_id=").append(encode(CLIENT_ID))
                .append("&post_logout_redirect_uri=").append(encode(postLogoutRedirectUri));
        if (idTokenHint != null && !idTokenHint.isBlank()) {
            url.append("&id_token_hint=").append(encode(idTokenHint));
        }
        return url.toString();
    }

    /** The application's own base URL ({@code scheme://host[:port]/hms/}), where Keycloak returns the user. */
    public static String applicationBase(String scheme, String host, int port, String contextPath) {
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host; // IPv6 literal
        return scheme + "://" + h + (defaultPort ? "" : ":" + port) + contextPath + "/";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
