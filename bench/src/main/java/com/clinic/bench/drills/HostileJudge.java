package com.clinic.bench.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input drill's judge: given what the server answered, is that acceptable or a failure?
 * Pure decisions, no I/O and no counting, so each rule can be tested on a made-up answer; the runner
 * sends the requests and records what this decides.
 *
 * <p>An answer fails on a 5xx, an error whose body is not {@code application/problem+json}, anything
 * internal in it (see {@link #leak}), or a problem whose {@code requestId} is not the response's
 * {@code X-Request-Id}. Written data fails when it reads back different from what was sent.
 */
final class HostileJudge {

    /**
     * What an error body must never contain: stack frames, exception and framework class names,
     * SQL and driver vocabulary, and the framework's own default messages (which mean a failure
     * escaped the project's problem mapping). Checked on every response with status 300 or more.
     */
    private static final List<String> INTERNAL_MARKERS = List.of(
            "Exception",
            "Caused by",
            "\tat ",
            "at com.",
            "at org.",
            "at java.",
            "at jdk.",
            "java.lang.",
            "java.util.",
            "java.io.",
            "java.sql.",
            "java.time.",
            "java.net.",
            "javax.",
            "jakarta.",
            "org.springframework",
            "org.apache",
            "org.hibernate",
            "Hibernate",
            "tools.jackson",
            "com.fasterxml",
            "org.axonframework",
            "org.jooq",
            "jOOQ",
            "jooq",
            "org.postgresql",
            "PSQL",
            "SQLState",
            "SQL state",
            "syntax error at",
            "violates ",
            "duplicate key",
            "relation \"",
            "HikariPool",
            "NullPointer",
            "ClassCast",
            "IndexOutOfBounds",
            "IllegalArgument",
            "IllegalState",
            "NumberFormat",
            "DateTimeParse",
            "StackOverflow",
            "OutOfMemory",
            "com.clinic.",
            "Apache Tomcat",
            "Whitelabel",
            "\"trace\"",
            "\"exception\"",
            "\"stackTrace\"",
            "[Source:",
            "Unrecognized token",
            "Unexpected character",
            "Cannot deserialize",
            "Cannot construct instance",
            "not one of the values accepted",
            "Failed to convert",
            "Failed to read request",
            "Required request body",
            "Required parameter",
            "Content-Type '",
            "No static resource",
            "No endpoint");

    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,80})\"");

    private static final Pattern INTERNAL_WORDS = Pattern.compile("\\b(SQL|axon|Axon|AXON)\\b");

    /** What a successful body may echo freely (stored user data), but never a stack trace. */
    private static final Pattern STACK_FRAME = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(([\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)|Caused by: |Exception in thread");

    private final JsonMapper json;

    HostileJudge(JsonMapper json) {
        this.json = json;
    }

    /**
     * What was wrong with one answer, in a fixed order (5xx, not-problem-json, leak,
     * request-id-mismatch), and the internal marker found if any: empty reasons mean acceptable.
     */
    record Verdict(List<String> reasons, String leak) {

        boolean acceptable() {
            return reasons.isEmpty();
        }

        /** The part of the answer a failure sample shows: around the leak, or the body's start. */
        String snippet(String body, String headers) {
            return leak != null ? around(body + "\n" + headers, leak) : World.snippet(body);
        }
    }

    Verdict judge(String method, int status, String contentType, String headers, String body) {
        List<String> reasons = new ArrayList<>();
        if (serverError(status)) {
            reasons.add("5xx");
        }
        boolean noBody = method.equals("HEAD") || status == 304 || status == 204;
        if (status >= 400 && !noBody && !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            reasons.add("not-problem-json");
        }
        String leak = leak(status, body, headers);
        if (leak != null) {
            reasons.add("leak");
        }
        if (status >= 400 && !requestIdConsistent(body, headers)) {
            reasons.add("request-id-mismatch");
        }
        return new Verdict(List.copyOf(reasons), leak);
    }

    static boolean serverError(int status) {
        return status >= 500;
    }

    /** The marker found, or null. Errors get the strict list; successes only the stack-trace pattern. */
    static String leak(int status, String body, String headers) {
        if (headers.contains("X-Powered-By") || headers.toLowerCase(Locale.ROOT).contains("\nserver: apache")) {
            return "Server";
        }
        if (status < 300) {
            var m = STACK_FRAME.matcher(body);
            return m.find() ? m.group() : null;
        }
        for (String marker : INTERNAL_MARKERS) {
            if (body.contains(marker)) {
                return marker;
            }
        }
        var words = INTERNAL_WORDS.matcher(body);
        if (words.find()) {
            return words.group();
        }
        var frame = STACK_FRAME.matcher(body);
        return frame.find() ? frame.group() : null;
    }

    /**
     * An answer without a status line (HTTP/0.9, or bytes the server wrote before closing): a bare
     * body, which must not leak either. Null when there is none or it is clean.
     */
    static String bareBodyLeak(String body) {
        return body.isEmpty() ? null : leak(400, body, "");
    }

    /** The server did not even take the connection: every case after that one is void. */
    static boolean connectFailed(String rawOutcome) {
        return rawOutcome.startsWith("connect-failed");
    }

    /** A setup step the server answered with a 5xx (World's warnings read "...: 503 ..."). */
    static boolean setupServerError(String warning) {
        return warning.matches(".*: 5\\d\\d .*");
    }

    /**
     * A problem's requestId must be the X-Request-Id the response carries (the id in the server's
     * logs), not whatever the client sent: support finds the failure by it.
     */
    boolean requestIdConsistent(String body, String headers) {
        if (!body.contains("\"requestId\"") || headers.toLowerCase(Locale.ROOT).contains("idempotent-replayed: true")) {
            return true; // a replay returns the first response, with the first request's id, by design
        }
        String header = null;
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("x-request-id")) {
                header = line.substring(colon + 1).trim();
            }
        }
        try {
            String inBody = json.readTree(body).path("requestId").asString("");
            return header == null || header.equals(inBody);
        } catch (RuntimeException notJson) {
            return true;
        }
    }

    /** How an error is tallied in byProblemCode: its status and the problem's code, or "-". */
    static String problemKey(int status, String body) {
        var code = PROBLEM_CODE.matcher(body);
        return status + " " + (code.find() ? code.group(1) : "-");
    }

    static String around(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            return World.snippet(text);
        }
        return "[" + marker + "] "
                + World.snippet(text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 180)));
    }

    // ---------------------------------------------------------------------------------------------
    // Reading back what was written
    // ---------------------------------------------------------------------------------------------

    /** A Location that only supports DELETE (holidays): nothing to read back, nothing to judge. */
    static boolean readBackExempt(int status) {
        return status == 405;
    }

    /** A resource the drill set up before the run must still read as a JSON object afterwards. */
    static boolean stillReadable(int status, JsonNode body) {
        return status == 200 && body.isObject();
    }

    /**
     * A storage probe accepted with a 2xx: the value the resource holds now under that field name,
     * when it differs from the one sent (null when equal, or when the field is not returned at all).
     */
    static String probeReadBackMismatch(JsonNode read, String field, String sent) {
        String stored = find(read, field);
        return stored != null && !stored.equals(sent) ? stored : null;
    }

    /** A top-level string field of a created resource that reads back different from the request. */
    record Alteration(String field, String written, String stored) {}

    /** Every top-level string field of {@code written} whose stored counterpart is a different string. */
    static List<Alteration> alterations(JsonNode written, JsonNode read) {
        List<Alteration> altered = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : written.properties()) {
            JsonNode stored = read.get(field.getKey());
            if (field.getValue().isString()
                    && stored != null
                    && stored.isString()
                    && !field.getValue().asString().equals(stored.asString())) {
                altered.add(new Alteration(field.getKey(), field.getValue().asString(), stored.asString()));
            }
        }
        return altered;
    }

    /** The first string field of that name anywhere in the document. */
    static String find(JsonNode node, String name) {
        if (node.isObject()) {
            JsonNode direct = node.get(name);
            if (direct != null && direct.isString()) {
                return direct.asString();
            }
        }
        for (JsonNode child : node.values()) {
            String found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
