package com.clinic.identity.rest;

import com.clinic.platform.rest.operations.OperationsAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Prometheus server scrape with the configured token ({@code authorization: credentials}
 * in its scrape config) instead of a user's access token, which expires every few minutes. The
 * token grants the scraper role on the metrics scrape path only; everywhere else it is no
 * credential at all. Not a Spring bean, so that it runs only inside the security filter chain.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPE_PATH = "/actuator/prometheus";
    static final String SCRAPER_ROLE = "METRICS_SCRAPER";

    private final OperationsAccess access;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ScrapeTokenFilter(OperationsAccess access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !access.scrapeTokenConfigured() || !SCRAPE_PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (BearerTokenFilter.bearerToken(request).filter(access::isScrapeToken).isPresent()) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER_ROLE))));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
