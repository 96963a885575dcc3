package com.clinic.platform.rest;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page. What fails outside Spring MVC (a method Tomcat refuses, such as
 * TRACE; an exception thrown by a filter; a {@code sendError}) lands here and gets the same RFC 9457
 * problem as everything else, classified by {@link ProblemDetailsAdvice}, instead of Spring Boot's
 * default error body (which echoed the path, and rendered an HTML page to browsers). Its presence
 * switches Boot's {@code BasicErrorController} off. Not part of the API: a request for
 * {@code /error} itself is answered 404.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private final ProblemWriter problems;
    private final ProblemDetailsAdvice advice;

    public ProblemErrorController(ProblemWriter problems, ProblemDetailsAdvice advice) {
        this.problems = problems;
        this.advice = advice;
    }

    /**
     * A client error the container already decided on (405 for TRACE, 400 for a broken chunked body)
     * keeps its status; a failure it could only report as 500 is classified like any other.
     */
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object reported = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (reported == null) {
            return ProblemDetailsAdvice.respond(problems.problem(request, HttpStatus.NOT_FOUND, "not-found"));
        }
        HttpStatusCode status = reported instanceof Integer code && code >= 400 && code <= 599
                ? HttpStatusCode.valueOf(code)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception failure) {
            return advice.unexpected(failure, request);
        }
        return ProblemDetailsAdvice.respond(problems.problem(request, status, ProblemDetailsAdvice.codeFor(status)));
    }
}
