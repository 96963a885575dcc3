package com.clinic.identity.rest;

import com.clinic.identity.application.AuthenticationFailed;
import com.clinic.identity.application.LoginThrottled;
import com.clinic.platform.rest.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The two failures only identity raises: bad credentials or refresh tokens (401) and throttled
 * sign-ins or registrations (429 with {@code Retry-After}). Ordered before the platform's catch-all advice.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemAdvice {

    private final ProblemWriter problems;

    IdentityProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AuthenticationFailed.class)
    ResponseEntity<ProblemDetail> authenticationFailed(AuthenticationFailed failure, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.UNAUTHORIZED, failure.code()));
    }

    @ExceptionHandler(LoginThrottled.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottled throttled, HttpServletRequest request) {
        long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.TOO_MANY_REQUESTS, throttled.code(), seconds));
    }
}
