package org.asclepius.hms.platform;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import org.asclepius.hms.shared.RequestContext;

/**
 * Records where a request comes from (channel, client address, API client) for the audit trail. Each WAR
 * registers it in its web.xml with the init-param {@code channel} ("web" or "api").
 */
public class RequestContextFilter implements Filter {
    @Inject
    RequestContext context;

    private String channel = "web";

    @Override
    public void init(FilterConfig config) {
        String configured = config.getInitParameter("channel");
        if (configured != null && !configured.isBlank()) {
            channel = configured;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            Principal principal = http.getUserPrincipal();
            String client = "api".equals(channel) && principal != null ? principal.getName() : null;
            context.enter(channel, sourceAddress(http), client);
        }
        chain.doFilter(request, response);
    }

    /**
     * The client's address: the first X-Forwarded-For hop when a trusted load balancer sets it
     * ({@code hms.trust-forwarded-for=true}), otherwise the TCP peer.
     */
    static String sourceAddress(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && Boolean.getBoolean("hms.trust-forwarded-for")) {
            String first = forwarded.split(",")[0].trim();
            if (!first.isEmpty() && first.length() <= 100) {
                return first;
            }
        }
        return http.getRemoteAddr();
    }
}
