package com.clinic.identity.rest;

import com.clinic.identity.application.SessionService;
import com.clinic.platform.application.context.RequestContext;
import com.clinic.platform.domain.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>}: signature, expiry, an open session and
 * an active account. An invalid token simply leaves the request anonymous, so public endpoints (a
 * refresh with an expired access token still attached) keep working and protected ones answer 401.
 * Not a Spring bean, so that it runs only inside the security filter chain.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final SessionService sessions;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bearerToken(request).flatMap(sessions::authenticate).ifPresent(this::authenticate);
        chain.doFilter(request, response);
    }

    private void authenticate(Actor actor) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                actor,
                null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        RequestContext.current().ifPresent(current -> RequestContext.set(current.withActor(actor)));
        MDC.put("userId", actor.userId().toString());
    }

    static Optional<String> bearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null
                || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
