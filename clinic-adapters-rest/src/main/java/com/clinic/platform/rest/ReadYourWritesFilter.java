package com.clinic.platform.rest;

import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.application.context.WritesInRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * After a successful request that changed something, holds the (not yet sent) response until this
 * instance's read models include the change, at most {@code timeout}. A client can then read what it
 * wrote, and a follow-up command validated against a read model (a branch of the clinic just created)
 * is not refused because a projection was a few milliseconds behind.
 *
 * <p>A client that wants to read what the write set off, not only the write (the waiting list's offer
 * after a cancellation), sends {@value #WAIT_FOR_PROCESSES} in {@code Prefer} (RFC 7240): the response
 * then also waits for the processes, within the same timeout, and says so with
 * {@code Preference-Applied} when they caught up in time.
 */
public class ReadYourWritesFilter extends OncePerRequestFilter {

    public static final String WAIT_FOR_PROCESSES = "wait-for=processes";

    private final ReadModelBarrier barrier;
    private final Duration timeout;

    public ReadYourWritesFilter(ReadModelBarrier barrier, Duration timeout) {
        this.barrier = barrier;
        this.timeout = timeout;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return timeout.isZero() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WritesInRequest.takeDispatched();
        // Message converters flush, which would send the response before we could wait: buffer it.
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
            boolean wrote = WritesInRequest.takeDispatched();
            int status = buffered.getStatus();
            if (wrote && status >= 200 && status < 300) {
                if (prefersProcesses(request)) {
                    if (barrier.awaitProcessed(timeout)) {
                        buffered.setHeader("Preference-Applied", WAIT_FOR_PROCESSES);
                    }
                } else {
                    barrier.awaitCaughtUp(timeout);
                }
            }
        } finally {
            buffered.copyBodyToResponse();
        }
    }

    /** Preferences are comma-separated, possibly over several headers, their tokens case-insensitive. */
    private static boolean prefersProcesses(HttpServletRequest request) {
        for (String header : Collections.list(request.getHeaders("Prefer"))) {
            for (String preference : header.split(",")) {
                if (preference.strip().toLowerCase(Locale.ROOT).replace(" ", "").equals(WAIT_FOR_PROCESSES)) {
                    return true;
                }
            }
        }
        return false;
    }
}
