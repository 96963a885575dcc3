package com.clinic.identity.rest;

import com.clinic.identity.application.SessionService;
import com.clinic.platform.domain.Role;
import com.clinic.platform.rest.ProblemWriter;
import com.clinic.platform.rest.operations.OperationsAccess;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API is stateless: no cookies, no server session, so no CSRF exposure; every request proves
 * itself with a bearer access token. Refusals are RFC 9457 problems like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
        "/api/v1/auth/**",
        "/api/v1/webhooks/**",
        "/api/v1/unsubscribe/**",
        "/.well-known/**",
        "/actuator/health/**",
        "/actuator/info",
        "/error"
    };

    private static final String CSP_HEADER = "Content-Security-Policy";

    static final String[] API_DOCS_PATHS = {"/v3/api-docs", "/v3/api-docs/**"};

    static final String[] SWAGGER_UI_PATHS = {"/swagger-ui/**", "/swagger-ui.html"};

    /**
     * Swagger UI loads its scripts and styles from this server and calls only this server; its
     * styles are partly inline, which is all it is granted beyond 'self'. No page may frame it.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; "
            + "form-action 'self'; base-uri 'self'; frame-ancestors 'none'; object-src 'none'";

    /** Everything else is JSON (or an event stream) that no browser should render or frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, SessionService sessions, ProblemWriter problems, OperationsAccess operations)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> contentSecurityPolicies().forEach(headers::addHeaderWriter))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PUBLIC_PATHS).permitAll();
                    if (operations.apiDocsPublic()) {
                        requests.requestMatchers(API_DOCS_PATHS).permitAll();
                        requests.requestMatchers(SWAGGER_UI_PATHS).permitAll();
                    } else {
                        // A client generator can still fetch the description with an administrator's
                        // token; the browser UI, which cannot send one, is simply not served.
                        requests.requestMatchers(API_DOCS_PATHS).hasRole(Role.ADMIN.name());
                        requests.requestMatchers(SWAGGER_UI_PATHS).denyAll();
                    }
                    requests.requestMatchers(ScrapeTokenFilter.SCRAPE_PATH)
                            .hasAnyRole(ScrapeTokenFilter.SCRAPER_ROLE, Role.ADMIN.name());
                    // Metrics name internals (pools, queues, endpoints): administrators only.
                    requests.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    requests.anyRequest().authenticated();
                })
                .exceptionHandling(failures -> failures.authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
                        })
                        .accessDeniedHandler((request, response, denied) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden")))
                .addFilterBefore(new ScrapeTokenFilter(operations), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(sessions), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Swagger UI's policy on its pages, the API's everywhere else: each response gets exactly one. */
    private static List<HeaderWriter> contentSecurityPolicies() {
        RequestMatcher swaggerUi = new OrRequestMatcher(Arrays.stream(SWAGGER_UI_PATHS)
                .map(path -> PathPatternRequestMatcher.withDefaults().matcher(path))
                .toArray(RequestMatcher[]::new));
        return List.of(
                new DelegatingRequestMatcherHeaderWriter(
                        swaggerUi, new StaticHeadersWriter(CSP_HEADER, SWAGGER_UI_POLICY)),
                new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(swaggerUi), new StaticHeadersWriter(CSP_HEADER, API_POLICY)));
    }

    /**
     * The firewall's refusals (a semicolon or encoded slash in the path, a non-ASCII header value)
     * are bad requests like any other, not the container's default error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) ->
                problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-request");
    }
}
