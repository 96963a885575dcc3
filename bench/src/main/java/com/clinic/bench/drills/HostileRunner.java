package com.clinic.bench.drills;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input drill's runner: sends what the generator builds, hands every answer to the
 * judge, and records the outcomes (counts by status, operation, problem code and raw outcome; the
 * failures and a sample of them; what was created, to read back at the end) into the result file.
 */
final class HostileRunner {

    private static final int BODY_CAP = 1_048_576;

    private final HostileInputDrill.Options options;
    private final JsonMapper json;
    private final HostileJudge judge;
    private final HttpClient http;
    private final RawHttp raw;
    private final OpenApi api;
    private final World world;
    private final HostileGenerator generator;

    private final Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicInteger>> byOperation = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresByReason = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byProblemCode = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> rawOutcomes = new ConcurrentHashMap<>();
    private final List<ObjectNode> samples = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failures = new AtomicLong();
    private final AtomicInteger sent = new AtomicInteger();
    private final Set<String> covered = ConcurrentHashMap.newKeySet();
    /** Resources the fuzzing created (2xx with a Location): each must be readable afterwards, as written. */
    private final Map<String, String> created = new ConcurrentHashMap<>();

    HostileRunner(
            HostileInputDrill.Options options,
            JsonMapper json,
            HttpClient http,
            OpenApi api,
            World world,
            HostileGenerator generator) {
        this.options = options;
        this.json = json;
        this.judge = new HostileJudge(json);
        this.http = http;
        URI base = URI.create(options.baseUrl());
        this.raw = new RawHttp(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        this.api = api;
        this.world = world;
        this.generator = generator;
    }

    /** Whether any request reached the operation (an answer with a status came back). */
    boolean reached(OpenApi.Operation op) {
        return covered.contains(op.key());
    }

    /** No failure recorded so far: what PASS means. */
    boolean passed() {
        return failures.get() == 0;
    }

    // ---------------------------------------------------------------------------------------------
    // Storage probes: text the database cannot keep must be refused, text it can keep must come back
    // exactly as written
    // ---------------------------------------------------------------------------------------------

    /**
     * For every creating operation whose plausible body the administrator can send successfully,
     * each string field once with a probe value: a 4xx is fine, a 2xx must read back identically.
     */
    List<String> storageProbes() {
        List<String> problems = new ArrayList<>();
        String admin = world.token("ADMIN");
        int probe = 0;
        int sentProbes = 0;
        for (OpenApi.Operation op : api.operations()) {
            if (!HostileGenerator.probesStorage(op)) {
                continue;
            }
            Random r = generator.probeRandom(op);
            String path = generator.probePath(op, r);
            JsonNode base = null;
            World.Reply baseline = null;
            for (int attempt = 0; attempt < 4; attempt++) {
                base = generator.plausibleBody(op, r);
                baseline = world.call(admin, "POST", path, base);
                sentProbes++;
                if (baseline.status() / 100 == 2) {
                    break;
                }
            }
            if (baseline.status() / 100 != 2
                    || baseline.response() == null
                    || baseline.response().headers().firstValue("Location").isEmpty()) {
                System.err.println("  storage probes skip " + op.key() + ": plausible body answered "
                        + baseline.status() + " " + baseline.raw());
                continue;
            }
            for (String[] leaf : HostileGenerator.probeLeaves(base)) {
                String value = HostileGenerator.probeText(probe++);
                JsonNode body = HostileGenerator.probeBody(base, leaf[0], value);
                World.Reply reply = world.call(admin, "POST", path, body);
                sentProbes++;
                covered.add(op.key());
                if (reply.response() == null) {
                    count("io-error");
                    continue;
                }
                check(
                        new HostileGenerator.Case(-1, op, 0, false),
                        "POST",
                        path,
                        reply.status(),
                        reply.response().headers().firstValue("Content-Type").orElse(""),
                        headerText(reply.response().headers()),
                        reply.raw(),
                        List.of("storage-probe " + leaf[0] + "=" + Mutations.abbreviate(value)));
                if (reply.status() / 100 != 2 || reply.response() == null) {
                    continue;
                }
                String location =
                        reply.response().headers().firstValue("Location").orElse(null);
                if (location == null) {
                    continue;
                }
                World.Reply read = world.call(admin, "GET", URI.create(location).getRawPath(), null);
                if (HostileJudge.readBackExempt(read.status())) {
                    continue;
                }
                if (read.status() != 200) {
                    problems.add(op.key() + " " + leaf[0] + "=" + Mutations.abbreviate(value) + " accepted but reads "
                            + read.status());
                    continue;
                }
                String stored = HostileJudge.probeReadBackMismatch(read.body(), leaf[1], value);
                if (stored != null) {
                    problems.add(op.key() + " " + leaf[0] + "=" + Mutations.abbreviate(value)
                            + " accepted but reads back as " + Mutations.abbreviate(stored));
                }
            }
        }
        sent.addAndGet(sentProbes);
        System.err.printf(Locale.ROOT, "  storage probes: %d requests, %d problems%n", sentProbes, problems.size());
        return problems;
    }

    // ---------------------------------------------------------------------------------------------
    // Execution and checks
    // ---------------------------------------------------------------------------------------------

    void execute(List<HostileGenerator.Case> cases) throws InterruptedException {
        Semaphore permits = new Semaphore(options.concurrency());
        Instant renewed = Instant.now();
        int step = Math.max(1, cases.size() / 10);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HostileGenerator.Case c : cases) {
                permits.acquire();
                if (Duration.between(renewed, Instant.now()).compareTo(Duration.ofMinutes(6)) > 0) {
                    world.renew();
                    renewed = Instant.now();
                }
                executor.submit(() -> {
                    try {
                        if (c.raw()) {
                            runRaw(c);
                        } else {
                            runHttp(c);
                        }
                    } catch (RuntimeException e) {
                        count("drill-error");
                        fail(
                                c.op().key(),
                                c.op().method(),
                                c.op().path(),
                                0,
                                "drill-error",
                                "case " + c.index() + ": " + e);
                    } finally {
                        permits.release();
                        int done = sent.incrementAndGet();
                        if (done % step == 0) {
                            System.err.printf(
                                    Locale.ROOT, "  %d/%d requests, %d failures%n", done, cases.size(), failures.get());
                        }
                    }
                });
            }
            executor.shutdown();
            executor.awaitTermination(30, TimeUnit.MINUTES);
        }
    }

    private void runHttp(HostileGenerator.Case c) {
        HostileGenerator.Prepared p = generator.prepare(c);
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(options.baseUrl() + p.target()))
                    .timeout(Duration.ofSeconds(30));
            for (String[] h : p.headers()) {
                builder.header(h[0], h[1]);
            }
            if (p.body() == null) {
                builder.method(p.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                if (p.body().contentType() != null) {
                    builder.header("Content-Type", p.body().contentType());
                }
                byte[] bytes = p.body().bytes();
                builder.method(
                        p.method(),
                        p.body().chunked()
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                                : HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            request = builder.build();
        } catch (IllegalArgumentException refused) {
            // Something the JDK client will not send (a restricted header or value): send it raw instead.
            runRawPrepared(c, p);
            return;
        }
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                String contentType =
                        response.headers().firstValue("Content-Type").orElse("");
                String body;
                try (InputStream in = response.body()) {
                    body = contentType.startsWith("text/event-stream")
                            ? ""
                            : new String(in.readNBytes(BODY_CAP), StandardCharsets.UTF_8);
                }
                covered.add(c.op().key());
                check(
                        c,
                        p.method(),
                        p.target(),
                        response.statusCode(),
                        contentType,
                        headerText(response.headers()),
                        body,
                        p.labels());
                String location = response.headers().firstValue("Location").orElse(null);
                if (response.statusCode() / 100 == 2 && location != null && created.size() < 1_000) {
                    created.put(location, body);
                }
                return;
            } catch (IOException e) {
                if (attempts < 2 && p.body() == null) {
                    continue;
                }
                // A large body refused with 413 may reset the connection before the client reads the answer.
                count("io-error");
                op(c.op().key(), "io-error");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void runRaw(HostileGenerator.Case c) {
        HostileGenerator.RawCase rc = generator.prepareRaw(c);
        RawHttp.Response response = raw.send(rc.bytes(), rc.halfClose(), 10_000);
        String outcome = response.status() == 0 ? response.outcome() : Integer.toString(response.status());
        rawOutcomes
                .computeIfAbsent(
                        rc.label().replaceFirst("^(raw:[a-z0-9-]+).*", "$1") + " " + outcome, k -> new AtomicInteger())
                .incrementAndGet();
        record(c, c.op().method(), rc.label(), response, List.of(rc.label()));
    }

    private void runRawPrepared(HostileGenerator.Case c, HostileGenerator.Prepared p) {
        byte[] bytes = generator.rawPrepared(p);
        RawHttp.Response response = raw.send(bytes, false, 15_000);
        if (response.status() != 0) {
            covered.add(c.op().key());
        }
        List<String> labels = new ArrayList<>(p.labels());
        labels.add("sent-raw");
        record(c, p.method(), p.target(), response, labels);
    }

    private void record(
            HostileGenerator.Case c, String method, String target, RawHttp.Response response, List<String> labels) {
        if (response.status() == 0) {
            count("raw-" + response.outcome());
            // An HTTP/0.9 answer is a bare body: it must not leak either.
            String leak = HostileJudge.bareBodyLeak(response.body());
            if (leak != null) {
                fail(
                        c.op().key(),
                        method,
                        target,
                        0,
                        "leak",
                        HostileJudge.around(response.body(), leak) + " | " + String.join(" ", labels));
            }
            op(c.op().key(), "raw-" + response.outcome());
            if (HostileJudge.connectFailed(response.outcome())) {
                fail(c.op().key(), method, target, 0, "connect-failed", response.outcome());
            }
            return;
        }
        check(
                c,
                method,
                target,
                response.status(),
                response.contentType(),
                response.headers(),
                response.body(),
                labels);
    }

    private static String headerText(HttpHeaders headers) {
        StringBuilder text = new StringBuilder();
        headers.map().forEach((name, values) -> text.append(name)
                .append(": ")
                .append(String.join(", ", values))
                .append('\n'));
        return text.toString();
    }

    private void check(
            HostileGenerator.Case c,
            String method,
            String target,
            int status,
            String contentType,
            String headers,
            String body,
            List<String> labels) {
        count(Integer.toString(status));
        op(c.op().key(), status / 100 + "xx");
        if (options.onlyCase() >= 0) {
            System.err.println(
                    "=> " + status + " " + contentType + "\n" + headers + "\n" + Mutations.abbreviate(body, 2_000));
        }
        HostileJudge.Verdict verdict = judge.judge(method, status, contentType, headers, body);
        if (status >= 400) {
            byProblemCode
                    .computeIfAbsent(HostileJudge.problemKey(status, body), k -> new AtomicInteger())
                    .incrementAndGet();
        }
        if (verdict.acceptable()) {
            return;
        }
        String snippet = verdict.snippet(body, headers);
        for (String reason : verdict.reasons()) {
            fail(
                    c.op().key(),
                    method,
                    target,
                    status,
                    reason,
                    snippet + " | case " + c.index() + " " + String.join(" ", labels));
        }
    }

    private void count(String key) {
        byStatus.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    private void op(String op, String key) {
        byOperation
                .computeIfAbsent(op, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new AtomicInteger())
                .incrementAndGet();
    }

    void fail(String op, String method, String path, int status, String reason, String snippet) {
        failures.incrementAndGet();
        failuresByReason.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
        synchronized (samples) {
            if (samples.size() < options.maxSamples()) {
                ObjectNode sample = json.createObjectNode();
                sample.put("operation", op);
                sample.put("method", method);
                sample.put("path", path.length() > 300 ? path.substring(0, 300) + "..." : path);
                sample.put("status", status);
                sample.put("reason", reason);
                sample.put("snippet", snippet.length() > 800 ? snippet.substring(0, 800) + "..." : snippet);
                samples.add(sample);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // After the run: health, the real resources still whole, a hostile-but-valid write kept intact
    // ---------------------------------------------------------------------------------------------

    boolean healthy() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            World.Reply reply = world.call(null, "GET", "/actuator/health/readiness", null);
            if (reply.status() == 200 && "UP".equals(reply.text("status"))) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    List<String> integrity() {
        List<String> problems = new ArrayList<>();
        world.renew();
        String admin = world.token("ADMIN");
        for (Map.Entry<String, String> e : world.readBack.entrySet()) {
            World.Reply reply = world.call(admin, "GET", e.getKey(), null);
            if (!HostileJudge.stillReadable(reply.status(), reply.body())) {
                problems.add(e.getValue() + " " + e.getKey() + " unreadable after the run: " + reply.status() + " "
                        + World.snippet(reply.raw()));
            }
        }
        int unreadable = 0;
        int altered = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(created).entrySet()) {
            String path = URI.create(e.getKey()).getRawPath();
            World.Reply read = world.call(admin, "GET", path, null);
            if (read.status() == 404) {
                sleepQuietly(2_000);
                read = world.call(admin, "GET", path, null);
            }
            if (HostileJudge.readBackExempt(read.status())) {
                continue;
            }
            if (read.status() != 200) {
                if (unreadable++ < 10) {
                    problems.add(
                            "created " + path + " but it reads " + read.status() + ": " + World.snippet(read.raw()));
                }
                continue;
            }
            JsonNode written;
            try {
                written = json.readTree(e.getValue());
            } catch (RuntimeException notJson) {
                continue;
            }
            for (HostileJudge.Alteration alteration : HostileJudge.alterations(written, read.body())) {
                if (altered++ < 10) {
                    problems.add("created " + path + " but " + alteration.field() + " reads back as "
                            + Mutations.abbreviate(alteration.stored()) + " instead of "
                            + Mutations.abbreviate(alteration.written()));
                }
            }
        }
        if (unreadable > 10 || altered > 10) {
            problems.add((unreadable + altered) + " created resources unreadable or altered in all");
        }
        System.err.printf(
                Locale.ROOT,
                "  read back %d created resources: %d unreadable, %d altered%n",
                created.size(),
                unreadable,
                altered);
        World.Reply me = world.call(admin, "GET", "/api/v1/me", null);
        if (me.status() != 200) {
            problems.add("the administrator's session no longer works: " + me.status());
        }
        // Hostile-but-valid text must be stored and returned exactly, or refused; never mangled or lost.
        Map<String, Object> clinic = new LinkedHashMap<>();
        clinic.put("nameAr", "\u0639\u064A\u0627\u062F\u0629 \u200F\u202B\u0627\u062E\u062A\u0628\u0627\u0631\u202C");
        clinic.put(
                "nameEn",
                "O'Brien\"; DROP TABLE clinics; -- <script>x</script> ${7*7} {{7*7}} \u202Eevil\u202C \uD83D\uDE00");
        clinic.put("address", "../../etc/passwd %s%n \\u0000 $(id)");
        clinic.put("phone", "+966112345678");
        clinic.put("timeZone", "Asia/Riyadh");
        clinic.put("currency", "SAR");
        clinic.put("workingDays", List.of("SUNDAY"));
        World.Reply created = world.call(admin, "POST", "/api/v1/clinics", clinic);
        if (HostileJudge.serverError(created.status())) {
            problems.add("hostile-but-valid clinic: " + created.status());
        } else if (created.status() / 100 == 2) {
            World.Reply read = world.call(admin, "GET", "/api/v1/clinics/" + created.text("id"), null);
            for (String field : List.of("nameAr", "nameEn", "address")) {
                if (!clinic.get(field).equals(read.text(field))) {
                    problems.add(
                            "clinic " + field + " not returned as written: " + Mutations.abbreviate(read.text(field)));
                }
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------------------------------------
    // Report
    // ---------------------------------------------------------------------------------------------

    void write(boolean pass, boolean healthy, List<String> uncovered, List<String> integrity, Duration took)
            throws IOException {
        ObjectNode result = json.createObjectNode();
        result.put("drill", "hostile-input");
        result.put("status", pass ? "PASS" : "FAIL");
        result.put("requests", sent.get());
        result.put("operationsCovered", api.operations().size() - uncovered.size());
        result.put("operationsInSpec", api.operations().size());
        result.put("seed", options.seed());
        result.put("durationSeconds", took.toSeconds());
        ObjectNode statuses = result.putObject("byStatus");
        new TreeMap<>(byStatus).forEach((k, v) -> statuses.put(k, v.get()));
        long fiveHundreds = byStatus.entrySet().stream()
                .filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get())
                .sum();
        result.put("serverErrors", fiveHundreds);
        result.put("failureCount", failures.get());
        ObjectNode reasons = result.putObject("failuresByReason");
        new TreeMap<>(failuresByReason).forEach((k, v) -> reasons.put(k, v.get()));
        result.put("readinessUpAfterRun", healthy);
        result.put("createdAndReadBack", created.size());
        ArrayNode integrityNode = result.putArray("integrityProblems");
        integrity.forEach(integrityNode::add);
        ArrayNode uncoveredNode = result.putArray("operationsNotCovered");
        uncovered.forEach(uncoveredNode::add);
        ArrayNode warnings = result.putArray("setupWarnings");
        world.warnings.forEach(warnings::add);
        ArrayNode failureNode = result.putArray("failures");
        samples.forEach(failureNode::add);
        ObjectNode codes = result.putObject("byProblemCode");
        new TreeMap<>(byProblemCode).forEach((k, v) -> codes.put(k, v.get()));
        ObjectNode rawNode = result.putObject("rawProtocolOutcomes");
        new TreeMap<>(rawOutcomes).forEach((k, v) -> rawNode.put(k, v.get()));
        ObjectNode ops = result.putObject("byOperation");
        new TreeMap<>(byOperation).forEach((op, counts) -> {
            ObjectNode o = ops.putObject(op);
            new TreeMap<>(counts).forEach((k, v) -> o.put(k, v.get()));
        });
        Path out = options.out();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Map<String, Integer> compact = new TreeMap<>();
        byStatus.forEach((k, v) -> compact.put(k, v.get()));
        System.out.printf(
                Locale.ROOT,
                "hostile-input: %s requests=%d operations=%d/%d 5xx=%d failures=%d byStatus=%s out=%s%n",
                pass ? "PASS" : "FAIL",
                sent.get(),
                api.operations().size() - uncovered.size(),
                api.operations().size(),
                fiveHundreds,
                failures.get(),
                compact,
                out);
        if (!pass) {
            Set<String> shown = new LinkedHashSet<>();
            synchronized (samples) {
                for (ObjectNode s : samples) {
                    String line = "  " + s.path("reason").asString() + " "
                            + s.path("status").asInt() + " " + s.path("method").asString() + " "
                            + Mutations.abbreviate(s.path("path").asString()) + " :: "
                            + s.path("snippet").asString();
                    if (shown.add(line) && shown.size() <= 15) {
                        System.out.println(line.length() > 400 ? line.substring(0, 400) + "..." : line);
                    }
                }
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
