package com.clinic.platform.rest;

import static com.clinic.platform.rest.ProblemDetailsAdvice.respond;

import com.clinic.platform.application.Causes;
import com.clinic.platform.application.access.AccessRefused;
import com.clinic.platform.application.projection.WritesPausedForReplay;
import com.clinic.platform.domain.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a use case answers, as HTTP: business rejections by their code (409 conflicting state, 422
 * rule violation, 404), refusals of the access policy (403), stale versions (412), commands that lost
 * a race (409), and writes refused during a projection replay (503 with Retry-After). The code
 * belongs to the context that raised it and is worded by that context's message bundle.
 *
 * <p>Ordered before {@link ProblemDetailsAdvice}, whose catch-all would otherwise answer first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CommandProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemAdvice.class);

    private final ProblemWriter problems;

    public CommandProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejection(Rejection rejection, HttpServletRequest request) {
        HttpStatus status =
                switch (rejection) {
                    case Rejection.Conflict c -> HttpStatus.CONFLICT;
                    case Rejection.RuleViolated r -> HttpStatus.UNPROCESSABLE_CONTENT;
                    case Rejection.NotFound n -> HttpStatus.NOT_FOUND;
                };
        return respond(problems.problem(
                request, status, rejection.code(), rejection.arguments().toArray()));
    }

    /** A projection replay is rebuilding read models that commands are validated against. */
    @ExceptionHandler(WritesPausedForReplay.class)
    ResponseEntity<ProblemDetail> writesPaused(WritesPausedForReplay paused, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.SERVICE_UNAVAILABLE, WritesPausedForReplay.CODE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(WritesPausedForReplay.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException stale, HttpServletRequest request) {
        return respond(problems.problem(request, HttpStatus.PRECONDITION_FAILED, "stale-version"));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException missing, HttpServletRequest request) {
        return respond(problems.problem(request, HttpStatus.NOT_FOUND, "not-found"));
    }

    /**
     * Two commands raced to create or change the same aggregate; the loser may retry. Only a
     * unique or exclusion violation (SQLSTATE 23505, 23P01) means that: a not-null, foreign-key or
     * check violation is a defect of ours, answered 500 without internals and logged as an error.
     */
    @ExceptionHandler({EventStoreException.class, ConcurrencyException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException conflict, HttpServletRequest request) {
        if (ServiceUnavailable.isTransient(conflict)) {
            // Axon reports any failed append as an EventStoreException, a lost connection included.
            return ServiceUnavailable.answer(problems, request, conflict);
        }
        if (conflict instanceof DataIntegrityViolationException && !meansConflict(conflict)) {
            log.error("Integrity violation serving {} {}", request.getMethod(), originalUri(request), conflict);
            return respond(problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
        }
        log.info("Concurrent write rejected: {}", conflict.toString());
        return respond(problems.problem(request, HttpStatus.CONFLICT, "concurrent-modification"));
    }

    @ExceptionHandler({AccessRefused.class, AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException denied, HttpServletRequest request) {
        return respond(problems.problem(request, HttpStatus.FORBIDDEN, "forbidden"));
    }

    /** SQLSTATE 23505 (unique) or 23P01 (exclusion): a row that another write claimed first. */
    static boolean meansConflict(Throwable violation) {
        return Causes.chain(violation).stream()
                .filter(java.sql.SQLException.class::isInstance)
                .map(cause -> ((java.sql.SQLException) cause).getSQLState())
                .anyMatch(state -> "23505".equals(state) || "23P01".equals(state));
    }

    private static Object originalUri(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original : request.getRequestURI();
    }
}
