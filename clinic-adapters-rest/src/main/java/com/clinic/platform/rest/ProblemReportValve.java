package com.clinic.platform.rest;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's last word on a request the application never saw: a malformed request line, header,
 * URI or chunked body, an unsupported HTTP version or transfer coding. Answers with the API's RFC
 * 9457 problem instead of Tomcat's HTML page.
 *
 * <p>Tomcat reports an unsupported HTTP version (505) or transfer coding (501) as a server error;
 * both are what the client sent, so they are answered 400. A 5xx stays reserved for the server's own
 * failures, which alerting and error budgets count.
 */
public class ProblemReportValve extends ErrorReportValve {

    private final ProblemWriter problems;
    private final JsonMapper json;

    public ProblemReportValve(ProblemWriter problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (throwable == null
                && (status == HttpStatus.NOT_IMPLEMENTED.value()
                        || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value())) {
            status = HttpStatus.BAD_REQUEST.value();
            response.setStatus(status);
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        try {
            ProblemDetail problem = problems.problem(request, code, ProblemDetailsAdvice.codeFor(code));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | RuntimeException unwritable) {
            // The connection is beyond answering; Tomcat closes it.
        }
    }
}
