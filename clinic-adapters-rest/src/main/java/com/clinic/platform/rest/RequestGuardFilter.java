package com.clinic.platform.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400, before anything else reads them, request targets the application cannot
 * handle safely:
 *
 * <ul>
 *   <li>a path Spring cannot parse (a path parameter with a broken escape such as {@code
 *       /api/v1/clinics;x=%4}), which Spring Security's path filter would otherwise meet first and
 *       fail on outside any handler, as a 500;
 *   <li>a NUL character in the query string ({@code %00}): PostgreSQL cannot take it as a query
 *       parameter, and the failure surfaced as a misleading 409.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class RequestGuardFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    public RequestGuardFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request");
            return;
        }
        try {
            RequestPath.parse(request.getRequestURI(), request.getContextPath());
        } catch (IllegalArgumentException malformed) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request");
            return;
        }
        chain.doFilter(request, response);
    }
}
