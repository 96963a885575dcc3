package com.clinic.platform.rest;

import com.clinic.platform.application.Causes;
import com.clinic.platform.application.projection.WritesPausedForReplay;
import com.clinic.platform.domain.Rejection;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Where framework failures become HTTP: bad input (400 with every bad field listed), Spring MVC's own
 * refusals (405, 406, 415 …), an unreachable database (503), and anything unexpected (500 with a
 * generic, localized message; the cause is only logged, never returned). What a command's use case
 * answers (rejections, stale versions, refusals of access) is {@link CommandProblemAdvice}'s; a
 * context's own failures are its own advice's (e.g. identity's sign-in refusals).
 *
 * <p>Every answer is {@code application/problem+json} whatever the request's {@code Accept} says: a
 * client asking for XML, or sending an unparsable {@code Accept}, still learns what went wrong
 * instead of getting an empty body.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemWriter problems;
    private final CommandProblemAdvice commands;

    public ProblemDetailsAdvice(ProblemWriter problems, CommandProblemAdvice commands) {
        this.problems = problems;
        this.commands = commands;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(
            ConstraintViolationException invalid, HttpServletRequest request) {
        ProblemDetail problem = problems.problem(request, HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        invalid.getConstraintViolations()
                .forEach(v -> errors.add(fieldError(leaf(v.getPropertyPath().toString()), v.getMessage())));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, HttpServletRequest request) {
        if (ServiceUnavailable.isTransient(failure)) {
            return ServiceUnavailable.answer(problems, request, failure);
        }
        // A rejection raised inside a handler that runs in the command's unit of work (a subscribing
        // projection guarding an invariant) reaches us wrapped; it is still a business answer.
        List<Throwable> chain = Causes.chain(failure);
        for (Throwable cause : chain.subList(1, chain.size())) {
            if (cause instanceof Rejection rejection) {
                return commands.rejection(rejection, request);
            }
            if (cause instanceof WritesPausedForReplay paused) {
                return commands.writesPaused(paused, request);
            }
        }
        if (failure instanceof ErrorResponse known) {
            return respond(problems.problem(request, known.getStatusCode(), codeFor(known.getStatusCode())));
        }
        if (Causes.root(failure) instanceof BodySizeLimitFilter.BodyTooLargeException) {
            return respond(problems.problem(request, HttpStatus.CONTENT_TOO_LARGE, "body-too-large"));
        }
        if (isMalformedRequest(failure)) {
            return respond(problems.problem(request, HttpStatus.BAD_REQUEST, "bad-request"));
        }
        log.error("Unexpected failure serving {} {}", request.getMethod(), originalUri(request), failure);
        return respond(problems.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
            errors.add(fieldError(error.getField(), error.getDefaultMessage()));
        }
        invalid.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(fieldError(e.getObjectName(), e.getDefaultMessage())));
        problem.setProperty("errors", errors);
        return respond(problem, headers, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> errors.add(
                        fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        problem.setProperty("errors", errors);
        return respond(problem, headers, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        Throwable cause = unreadable.getCause();
        if (Causes.root(unreadable) instanceof BodySizeLimitFilter.BodyTooLargeException) {
            return respond(
                    problems.problem(servlet, HttpStatus.CONTENT_TOO_LARGE, "body-too-large"),
                    headers,
                    HttpStatus.CONTENT_TOO_LARGE);
        }
        ProblemDetail problem;
        if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = path(bind);
            String code =
                    switch (bind) {
                        case UnrecognizedPropertyException u -> "unknown-field";
                        case InvalidFormatException f -> "invalid-value";
                        case MismatchedInputException m -> "wrong-type";
                        default -> "invalid-value";
                    };
            problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "validation");
            problem.setProperty("errors", List.of(fieldError(field, problems.message(servlet, "field." + code))));
        } else if (cause instanceof JacksonException) {
            problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "malformed-json");
        } else {
            problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "unreadable-body");
        }
        return respond(problem, headers, HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, HttpStatus.BAD_REQUEST, "validation");
        String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
        problem.setProperty("errors", List.of(fieldError(name, problems.message(servlet, "field.invalid-value"))));
        return respond(problem, headers, HttpStatus.BAD_REQUEST);
    }

    /** Every other Spring MVC failure (405, 406, 415, missing parameters …) gets a localized problem too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        ProblemDetail problem = problems.problem(servlet, status, codeFor(status));
        return respond(problem, headers, status);
    }

    /**
     * Failures the client caused before any controller saw the request: query or form parameters
     * Tomcat cannot decode (an empty name, invalid percent-encoding or UTF-8), a body Tomcat cannot
     * read (a broken chunked encoding), a multipart body without a boundary, a request the security
     * firewall refused.
     */
    private static boolean isMalformedRequest(Throwable failure) {
        return Causes.any(
                failure,
                cause -> cause instanceof InvalidParameterException
                        || cause instanceof BadRequestException
                        || cause instanceof MultipartException
                        || cause instanceof RequestRejectedException);
    }

    /** The path the client asked for, also while serving the container's error page. */
    private static Object originalUri(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return original != null ? original : request.getRequestURI();
    }

    static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 428 -> "precondition-required";
            default -> status.is5xxServerError() ? "internal" : "bad-request";
        };
    }

    /** With the content type set, Spring skips negotiating with {@code Accept}: a problem is always JSON. */
    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, status);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "" : message);
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String path(DatabindException bind) {
        StringBuilder path = new StringBuilder();
        for (var reference : bind.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
