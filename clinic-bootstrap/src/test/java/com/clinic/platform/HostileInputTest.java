package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regressions found by the hostile-input drill ({@code bench/drills}): malformed or hostile requests
 * get a 4xx RFC 9457 problem, never a 5xx, an empty body or a framework's default error page, and
 * text the database cannot keep is refused instead of stored.
 */
@IntegrationTest
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api api;
    Api admin;

    @BeforeEach
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
    }

    @Test
    void queryParametersTomcatCannotDecodeAreBadRequestsNotServerErrors() {
        // An empty parameter name: Tomcat 11 throws while parsing, which used to end in a 500.
        assertProblem(admin.get("/api/v1/clinics?limit=5&="), 400, "bad-request");

        Raw invalidEscape =
                raw("GET /api/v1/clinics?after=%ZZ HTTP/1.1\r\n" + host() + bearer() + "Connection: close\r\n\r\n");
        assertProblem(invalidEscape, 400, "bad-request");
    }

    @Test
    void aMultipartBodyWithoutBoundaryIsABadRequest() {
        Api.Response response =
                admin.header("Content-Type", "multipart/form-data").send("POST", "/api/v1/clinics", null);

        assertProblem(response, 400, "bad-request");
    }

    @Test
    void aFormBodyIsUnsupportedEvenWhereSpringWouldParseItBeforeAnyHandler() {
        Raw form = raw(
                "PUT /api/v1/me/password HTTP/1.1\r\n" + host() + bearer()
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\nConnection: close\r\n\r\na=%ZZ&");

        assertProblem(form, 415, "unsupported-media-type");
    }

    @Test
    void anUnusableAcceptHeaderStillGetsTheProblemAsJson() {
        for (String accept : List.of("garbage", "application/json;q=abc", "application/xml", "text/html")) {
            Api.Response response = admin.header("Accept", accept).get("/api/v1/clinics/" + UUID.randomUUID());

            assertProblem(response, 404, "clinic.not-found");
        }
    }

    @Test
    void whatTheContainerRefusesIsAProblemNotBootsDefaultErrorBody() {
        assertProblem(admin.send("TRACE", "/api/v1/me", null), 405, "method-not-allowed");
        // The security firewall's refusals: an encoded semicolon in the path, a control character in a header.
        assertProblem(admin.get("/api/v1/clinics/%3Bjsessionid%3D1"), 400, "bad-request");
        Raw control = raw(
                "GET /api/v1/me HTTP/1.1\r\n" + host() + "Authorization: Bearer a\u0085b\r\nConnection: close\r\n\r\n");
        assertProblem(control, 400, "bad-request");
        // The error page is not an endpoint of its own.
        assertProblem(admin.get("/error"), 404, "not-found");
    }

    @Test
    void aPathParameterWithABrokenEscapeIsABadRequestNotAServerError() {
        Raw response = raw("GET /api/v1/clinics;x=%4 HTTP/1.1\r\n" + host() + bearer() + "Connection: close\r\n\r\n");

        assertProblem(response, 400, "bad-request");
    }

    @Test
    void protocolErrorsTomcatAnswersItselfAreProblemsAndNeverServerErrors() {
        // An invalid request line used to get Tomcat's HTML page; an unknown HTTP version a 505 and an
        // unknown transfer coding a 501.
        assertProblem(raw("GET /a b c HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n"), 400, "bad-request");
        assertProblem(raw("GET /api/v1/me HTTP/1\r\n" + host() + "Connection: close\r\n\r\n"), 400, "bad-request");
        assertProblem(
                raw("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Transfer-Encoding: xchunked\r\n"
                        + "Content-Type: application/json\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
                400,
                "bad-request");
        // A chunked body that breaks off mid-way is the client's fault as well.
        assertProblem(
                raw("POST /api/v1/auth/login HTTP/1.1\r\n" + host() + "Transfer-Encoding: chunked\r\n"
                        + "Content-Type: application/json\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n"),
                400,
                "bad-request");
    }

    @Test
    void textTheDatabaseCannotStoreIsRefusedInsteadOfJammingTheProjection() {
        // NUL cannot be stored in PostgreSQL text: the event used to be accepted and its projection to
        // fail on every retry, so the clinic never appeared. Half a surrogate pair would become "?".
        for (String unstorable : List.of("a\u0000b", "x\uD800y", "\uDC00")) {
            Api.Response refused = admin.post("/api/v1/clinics", json(site(unstorable)));

            assertProblem(refused, 400, "validation");
            assertThat(refused.json("errors").findValuesAsString("field")).containsExactly("nameEn");
        }

        String tricky = "O'Brien\"; DROP TABLE clinics; -- evil \uD83D\uDE00 \u0639\u064A\u0627\u062F\u0629";
        Api.Response created = admin.post("/api/v1/clinics", json(site(tricky)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json("id").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response read = admin.get("/api/v1/clinics/" + id);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json("nameEn").asString()).isEqualTo(tricky);
        });
    }

    @Test
    void textThatHidesOrReordersWhatOthersReadIsRefused() {
        // A right-to-left override made "evil" display reversed inside a clinic name, and zero-width
        // characters made two names that look the same different records.
        for (String hidden : List.of("\u202Eevil\u202C", "Al\u200Bi", "\uFEFFAli", "Ali\u2066x\u2069", "A\u200Dli")) {
            Api.Response refused = admin.post("/api/v1/clinics", json(site(hidden)));

            assertProblem(refused, 400, "validation");
            assertThat(refused.json("errors").findValuesAsString("field")).containsExactly("nameEn");
        }
    }

    @Test
    void aDateOutsideFourDigitYearsIsRefusedInsteadOfJammingTheProjection() {
        // The drill declared a holiday in 5877642 BC: java.time read it, the event was stored with 201,
        // and the calendar projection could not store the date in PostgreSQL.
        String clinicId = admin.post("/api/v1/clinics", json(site("Far dates")))
                .json("id")
                .asString();
        Api.Response branch = admin.post("/api/v1/clinics/" + clinicId + "/branches", json(site("Far branch")));
        assertThat(branch.status()).as(branch.toString()).isEqualTo(201);
        String holidays = "/api/v1/branches/" + branch.json("id").asString() + "/holidays";

        for (String farDate : List.of("-5877641-06-22", "+10000-01-01", "0000-12-31")) {
            Api.Response refused = admin.post(
                    holidays, json(Map.of("date", farDate, "nameAr", "\u0639\u064A\u062F", "nameEn", "Feast")));

            assertProblem(refused, 400, "validation");
            assertThat(refused.json("errors").findValuesAsString("field")).containsExactly("date");
        }
        Api.Response lastYear = admin.post(
                holidays, json(Map.of("date", "9999-12-31", "nameAr", "\u0639\u064A\u062F", "nameEn", "Feast")));
        assertThat(lastYear.status()).as(lastYear.toString()).isEqualTo(201);
    }

    @Test
    void aNulInTheQueryIsABadRequestNotAConcurrentModification() {
        assertProblem(admin.get("/api/v1/patients?name=a%00b"), 400, "bad-request");
    }

    @Test
    void aProblemNamesTheRequestIdOfTheLogsNotWhateverTheClientSent() {
        Api.Response response =
                admin.header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/clinics/" + UUID.randomUUID());

        assertProblem(response, 404, "clinic.not-found");
        assertThat(response.json("requestId").asString())
                .isNotEqualTo("<script>alert(1)</script>")
                .isEqualTo(response.header("X-Request-Id").orElseThrow());
    }

    /** JSON as UTF-8 bytes would carry it: a lone surrogate stays an escape instead of becoming "?". */
    private static String json(Object body) {
        return new String(JSON.writeValueAsBytes(body), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> site(String nameEn) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("nameAr", "\u0639\u064A\u0627\u062F\u0629");
        site.put("nameEn", nameEn);
        site.put("address", "King Fahd Road, Riyadh");
        site.put("phone", "+966112345678");
        site.put("timeZone", "Asia/Riyadh");
        site.put("currency", "SAR");
        site.put("workingDays", List.of("SUNDAY", "MONDAY"));
        return site;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).as(response.toString()).isEqualTo(code);
    }

    private static void assertProblem(Raw response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("code").asString())
                .as(response.text())
                .isEqualTo(code);
    }

    private String host() {
        return "Host: 127.0.0.1:" + port + "\r\n";
    }

    private String bearer() {
        return "Authorization: Bearer " + Sessions.admin(api) + "\r\n";
    }

    /** A response read off a plain socket, for requests an HTTP client refuses to send. */
    private record Raw(int status, String contentType, String body, String text) {}

    private Raw raw(String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            String head = headEnd < 0 ? text : text.substring(0, headEnd);
            String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
            if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
            }
            String contentType = "";
            for (String line : head.lines().toList()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            // "HTTP/1.1 400 " (Tomcat sends no reason phrase)
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, contentType, body, text);
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed", e);
        }
    }
}
