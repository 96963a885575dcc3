package com.clinic.identity.rest;

import com.clinic.identity.UserAccounts;
import com.clinic.identity.application.IdentitySettings;
import com.clinic.identity.application.LoginThrottled;
import com.clinic.identity.application.SessionService;
import com.clinic.platform.application.Causes;
import com.clinic.platform.application.Overloaded;
import com.clinic.platform.rest.ProblemWriter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A client this instance has just refused a sign-in or a self-registration (429) is answered 429
 * again before any work is done, and only after a short delay ({@code
 * clinic.identity.refused-client-delay}, 1 s by default, never past its Retry-After), held without a
 * thread (an asynchronous request). A client that ignores Retry-After and retries at once can then
 * send at most one attempt per connection per delay: 50 such clients answered at once made 670
 * requests/s, whose CPU slowed every legitimate sign-in on two cores to seconds
 * (bench/findings.md #10). The shared budgets still decide; this only remembers their refusal.
 *
 * <p>The same holds for a client told to come back in a second because the hashing pool was full
 * (503, {@link Overloaded}): an earlier retry waits out the rest of that second and is answered 503
 * again, without a hash and without a round trip. A client that honours Retry-After never meets
 * either delay.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RefusedClientTarpit extends OncePerRequestFilter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefusedClientTarpit.class);

    private static final String SIGN_IN = "/api/v1/auth/login";
    private static final String REGISTER = "/api/v1/auth/register";

    /** As {@code ServiceUnavailable} answers an overload. */
    private static final long OVERLOADED_RETRY_AFTER_SECONDS = 1;

    private final SessionService sessions;
    private final UserAccounts accounts;
    private final ProblemWriter problems;
    private final Duration delay;
    private final Counter held;
    /** Client and path to the {@link System#nanoTime()} before which it was told not to come back. */
    private final Cache<String, Long> overloadedUntil = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(OVERLOADED_RETRY_AFTER_SECONDS))
            .build();

    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("refused-client-answers").factory());

    RefusedClientTarpit(
            SessionService sessions,
            UserAccounts accounts,
            ProblemWriter problems,
            MeterRegistry meters,
            IdentitySettings settings) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.problems = problems;
        this.delay = settings.refusedClientDelay();
        this.held = Counter.builder("clinic.identity.refused.client.answers")
                .description("Sign-ins and registrations retried too early, answered from memory after a delay")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(SIGN_IN.equals(path) || REGISTER.equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean signIn = SIGN_IN.equals(request.getRequestURI());
        String client = request.getRemoteAddr();
        String overloadKey = client + " " + request.getRequestURI();
        if (delay.isZero() || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        Long until = overloadedUntil.getIfPresent(overloadKey);
        long early = until == null ? 0 : until - System.nanoTime();
        if (early > 0) {
            holdThenAnswer(
                    request,
                    response,
                    Duration.ofNanos(early),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    OVERLOADED_RETRY_AFTER_SECONDS);
            return;
        }
        Optional<Duration> refused =
                signIn ? sessions.knownSignInRefusal(client) : accounts.knownRegistrationRefusal(client);
        if (refused.isPresent()) {
            long retryAfterSeconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
            holdThenAnswer(
                    request,
                    response,
                    refused.get(),
                    HttpStatus.TOO_MANY_REQUESTS,
                    signIn ? LoginThrottled.CODE : LoginThrottled.REGISTRATIONS_CODE,
                    retryAfterSeconds);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (isOverloaded(failure)) {
                overloadedUntil.put(
                        overloadKey, System.nanoTime() + TimeUnit.SECONDS.toNanos(OVERLOADED_RETRY_AFTER_SECONDS));
            }
            throw failure;
        }
    }

    /** Spring MVC hands an exception no advice handled on wrapped in a ServletException. */
    private static boolean isOverloaded(Throwable failure) {
        return Causes.find(failure, Overloaded.class).isPresent();
    }

    /** Answers after {@code remaining} or the delay, whichever is shorter, without holding a thread. */
    private void holdThenAnswer(
            HttpServletRequest request,
            HttpServletResponse response,
            Duration remaining,
            HttpStatus status,
            String code,
            long retryAfterSeconds) {
        Duration wait = remaining.compareTo(delay) < 0 ? remaining : delay;
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(wait.plusSeconds(30).toMillis());
        answers.schedule(() -> answer(async, status, code, retryAfterSeconds), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void answer(AsyncContext async, HttpStatus status, String code, long retryAfterSeconds) {
        try {
            HttpServletRequest request = (HttpServletRequest) async.getRequest();
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            if (status == HttpStatus.TOO_MANY_REQUESTS) {
                problems.write(request, response, status, code, retryAfterSeconds);
            } else {
                problems.write(request, response, status, code);
            }
            held.increment();
        } catch (IOException | RuntimeException e) {
            // The client went away meanwhile: there is no one left to answer.
            log.debug("A refused client's answer could not be written", e);
        } finally {
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                log.debug("A refused client's request had already ended", alreadyCompleted);
            }
        }
    }

    @Override
    public void destroy() {
        answers.shutdownNow();
    }
}
