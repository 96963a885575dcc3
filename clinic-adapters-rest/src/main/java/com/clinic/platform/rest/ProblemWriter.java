package com.clinic.platform.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every RFC 9457 problem the API returns: a stable {@code type} URI per problem code, a
 * localized title and detail ({@code Accept-Language: ar|en}), and the request id for support.
 * Used by the exception advice and by filters that answer before a controller runs.
 */
@Component
public class ProblemWriter {

    public static final String TYPE_BASE = "https://clinic.example/problems/";

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    public ProblemWriter(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail problem(HttpServletRequest request, HttpStatusCode status, String code, Object... arguments) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", null, fallbackTitle(status), locale));
        problem.setDetail(messages.getMessage("problem." + code + ".detail", arguments, problem.getTitle(), locale));
        problem.setProperty("code", code);
        // The id the request context filter settled on (the client's when safe, else a fresh one), never
        // the raw header: the problem must name the id found in the logs, and not echo arbitrary input.
        if (request.getAttribute(RequestContextFilter.REQUEST_ID) instanceof String requestId) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public String message(HttpServletRequest request, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, localeResolver.resolveLocale(request));
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            Object... arguments)
            throws IOException {
        ProblemDetail problem = problem(request, status, code, arguments);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String fallbackTitle(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
