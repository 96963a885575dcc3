package com.clinic.platform.rest;

import com.clinic.platform.application.Causes;
import com.clinic.platform.application.Overloaded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database unreachable (restarting, failing over), every pooled connection busy for longer than
 * the pool waits, or the {@link RequestBulkhead} full for longer than a request may wait: nothing was
 * done, so the answer is 503 with Retry-After, never a 500, and the log says which of them it was.
 * This filter catches it where it escapes other filters (the bulkhead; the access-token check on a
 * cache miss); {@link ProblemDetailsAdvice} does the same for controllers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class ServiceUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private final ProblemWriter problems;

    ServiceUnavailable(ProblemWriter problems) {
        this.problems = problems;
    }

    /** Why nothing could be done right now; the log says which, since the remedies differ. */
    enum Cause {
        /** A bounded resource of this instance (the request bulkhead, password hashing) stayed busy. */
        OVERLOADED("Overloaded"),
        /**
         * Every pooled connection stayed busy for the pool's whole wait, while the database answered:
         * Hikari's timeout carries no cause then, since its last attempt to connect succeeded.
         */
        POOL_EXHAUSTED("Connection pool exhausted (database reachable, every connection busy)"),
        /** The database refused or lost connections, or is shutting down or starting. */
        DATABASE_UNREACHABLE("Database unreachable");

        private final String description;

        Cause(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Whether the failure means "the database cannot be used right now" rather than a defect. */
    static boolean isTransient(Throwable failure) {
        return cause(failure).isPresent();
    }

    /** Which of the "cannot be done right now" failures this is, if it is one. */
    static Optional<Cause> cause(Throwable failure) {
        for (Throwable cause : Causes.chain(failure)) {
            if (cause instanceof Overloaded) {
                return Optional.of(Cause.OVERLOADED);
            }
            if (cause instanceof SQLTransientConnectionException timeout) {
                return Optional.of(
                        timeout.getCause() == null && timeout.getNextException() == null
                                ? Cause.POOL_EXHAUSTED
                                : Cause.DATABASE_UNREACHABLE);
            }
        }
        return isConnectionFailure(failure) ? Optional.of(Cause.DATABASE_UNREACHABLE) : Optional.empty();
    }

    /** Logs a 503 with its cause: pool exhausted, database unreachable, or this instance overloaded. */
    /** The 503 problem for a transient failure, logged as what it was. */
    static ResponseEntity<ProblemDetail> answer(ProblemWriter problems, HttpServletRequest request, Throwable failure) {
        log(request, failure);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable"));
    }

    static void log(HttpServletRequest request, Throwable failure) {
        log.warn(
                "{} serving {} {}: {}",
                cause(failure).map(Cause::description).orElse("Unavailable"),
                request.getMethod(),
                request.getRequestURI(),
                failure.toString());
    }

    private static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause : Causes.chain(failure)) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || (cause instanceof java.sql.SQLException sql && isConnectionState(sql.getSQLState()))) {
                return true;
            }
            // Commit or rollback failing on a connection without any SQLSTATE: Hikari's proxy of a
            // connection it already closed as broken ("Connection is closed"). The transaction manager
            // reports it as a TransactionSystemException, and a failed rollback replaces whatever failed
            // first. A PostgreSQL restart under load answered 500s this way (bench/findings.md #8). A
            // commit lost like this may or may not have landed; 503 tells the client to retry, which an
            // idempotency key makes safe.
            if (cause instanceof TransactionSystemException
                    && cause.getCause() instanceof java.sql.SQLException sql
                    && sql.getSQLState() == null) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!isTransient(failure) || response.isCommitted()) {
                throw failure;
            }
            log(request, failure);
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable");
        }
    }
}
