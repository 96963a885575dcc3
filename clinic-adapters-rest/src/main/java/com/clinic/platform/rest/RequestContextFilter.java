package com.clinic.platform.rest;

import com.clinic.platform.application.context.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the request id, correlation id and client address for the whole request, echoes the
 * request id back, and puts them in the log context. The authentication filter adds the actor.
 */
@Component("clinicRequestContextFilter")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = safe(request.getHeader(REQUEST_ID))
                .orElseGet(() -> UUID.randomUUID().toString());
        String correlationId = safe(request.getHeader(CORRELATION_ID)).orElse(requestId);
        RequestContext.set(new RequestContext(Optional.empty(), requestId, correlationId, request.getRemoteAddr()));
        MDC.put("requestId", requestId);
        MDC.put("correlationId", correlationId);
        response.setHeader(REQUEST_ID, requestId);
        request.setAttribute(REQUEST_ID, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestContext.clear();
            MDC.remove("requestId");
            MDC.remove("correlationId");
            MDC.remove("userId");
        }
    }

    /** Client-supplied ids end up in logs and the audit trail, so only a conservative alphabet is kept. */
    private static Optional<String> safe(String value) {
        return Optional.ofNullable(value).filter(v -> SAFE_ID.matcher(v).matches());
    }
}
