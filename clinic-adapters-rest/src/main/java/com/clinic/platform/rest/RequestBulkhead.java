package com.clinic.platform.rest;

import com.clinic.platform.application.Overloaded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code permits} API requests are handled at once; the others wait their turn, first come
 * first served, for up to {@code max-wait}. Nearly every request needs a pooled database connection,
 * and the pool's own wait is kept short (it is how an unreachable database is noticed quickly): with
 * more requests in flight than connections, a burst made the pool time out while the database was
 * merely busy, and those requests got 503 (ADR 0014). The permits stay below the pool size, leaving
 * connections for the projections and background reloads; the waiting requests hold a Tomcat thread
 * each, so the queue is bounded by Tomcat's thread pool, and beyond that by its accept queue.
 * Waiting longer than {@code max-wait} is {@link Overloaded}: 503 with Retry-After.
 *
 * <p>Sign-in and self-registration ({@code clinic.http.bulkhead.outside}) do not queue here. Their
 * cost is the password hash, which has its own pool and a queue ordered by priority (ADR 0013); they
 * hold a connection only for a few short statements, never across the hash. In this first-come
 * queue a legitimate sign-in waited behind every abusive one ahead of it, so the hashing queue's
 * priority never got to act (bench/findings.md #10).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25)
public class RequestBulkhead extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long maxWaitNanos;
    private final Set<String> outside;

    @Autowired
    public RequestBulkhead(HttpSettings settings) {
        this(
                settings.bulkhead().permits(),
                settings.bulkhead().maxWait(),
                settings.bulkhead().outside());
    }

    RequestBulkhead(int permits, Duration maxWait, List<String> outside) {
        this.permits = new Semaphore(permits, true);
        this.maxWaitNanos = maxWait.toNanos();
        this.outside = Set.copyOf(outside);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") || outside.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Overloaded("request handling");
        }
        if (!acquired) {
            throw new Overloaded("request handling");
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
