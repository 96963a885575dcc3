package com.clinic.bench.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input resilience drill: thousands of malformed or hostile requests across every
 * operation of the OpenAPI document (wrong types, huge and deeply nested bodies, bad encodings,
 * injection strings, forged or expired tokens, raw protocol violations) against a running server.
 *
 * <p>PASS means: no response with a 5xx status, no stack trace or internal detail in any response,
 * every error an {@code application/problem+json} body, every operation in the spec exercised, the
 * real resources still readable afterwards, a hostile-but-valid write read back unchanged, and
 * readiness UP at the end. Deterministic for a given {@code --seed} (the server's ids aside).
 *
 * <p>This class reads the options and runs the steps in order; {@link HostileGenerator} builds the
 * requests, {@link HostileRunner} sends them and records the outcomes and the result file, and
 * {@link HostileJudge} decides which outcomes are failures.
 *
 * <pre>
 * ./mvnw -q -f bench/pom.xml compile exec:java -Dexec.mainClass=com.clinic.bench.drills.HostileInputDrill \
 *   -Dexec.args="--base-url http://127.0.0.1:8080 --admin-email admin@clinic.local \
 *   --admin-password Change-Me-2026! --requests 10000 --out bench/results/hostile-input.json"
 * </pre>
 */
public final class HostileInputDrill {

    private final Options options;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private World world;

    record Options(
            String baseUrl,
            String adminEmail,
            String adminPassword,
            int requests,
            Path out,
            long seed,
            int concurrency,
            int maxSamples,
            int onlyCase) {

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean smoke = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--smoke")) {
                    smoke = true;
                } else if (a.startsWith("--") && i + 1 < args.length) {
                    values.put(a.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument " + a);
                }
            }
            return new Options(
                    values.getOrDefault("base-url", "http://127.0.0.1:8080").replaceAll("/+$", ""),
                    values.getOrDefault("admin-email", "admin@clinic.local"),
                    values.getOrDefault("admin-password", "Change-Me-2026!"),
                    Integer.parseInt(values.getOrDefault("requests", smoke ? "300" : "10000")),
                    Path.of(values.getOrDefault("out", "bench/results/hostile-input.json")),
                    Long.parseLong(values.getOrDefault("seed", "20260401")),
                    Integer.parseInt(values.getOrDefault("concurrency", "16")),
                    Integer.parseInt(values.getOrDefault("max-samples", "50")),
                    Integer.parseInt(values.getOrDefault("case", "-1")));
        }
    }

    private HostileInputDrill(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean pass = new HostileInputDrill(options).run();
        System.exit(pass ? 0 : 1);
    }

    private boolean run() throws Exception {
        Instant started = Instant.now();
        JsonNode spec = json.readTree(get("/v3/api-docs"));
        OpenApi api = new OpenApi(spec);
        world = new World(json, http, options.baseUrl());
        world.build(options.adminEmail(), options.adminPassword());
        world.warnings.forEach(w -> System.err.println("setup: " + w));
        byte[] publicKey = serverPublicKey();
        Jwts jwts = new Jwts(json, world.token("ADMIN"), publicKey);
        HostileGenerator generator = new HostileGenerator(options, json, api, world, jwts);
        HostileRunner runner = new HostileRunner(options, json, http, api, world, generator);
        world.warnings.stream()
                .filter(HostileJudge::setupServerError)
                .forEach(w -> runner.fail("setup", "-", "-", 500, "5xx", w));

        List<String> probeProblems = runner.storageProbes();
        probeProblems.forEach(problem -> runner.fail("storage-probe", "POST", "-", 0, "not-stored-as-sent", problem));
        List<HostileGenerator.Case> cases = generator.generate();
        if (options.onlyCase() >= 0) {
            // Replays one generated request (same seed, same --requests) and shows it, for debugging a failure.
            HostileGenerator.Case only = cases.get(options.onlyCase());
            if (only.raw()) {
                HostileGenerator.RawCase rc = generator.prepareRaw(only);
                System.err.println(only.op().key() + " " + rc.label() + "\n"
                        + Mutations.abbreviate(new String(rc.bytes(), StandardCharsets.ISO_8859_1), 2_000));
            } else {
                HostileGenerator.Prepared p = generator.prepare(only);
                System.err.println(p.method() + " " + p.target());
                p.headers().forEach(h -> System.err.println(h[0] + ": " + Mutations.abbreviate(h[1], 200)));
                if (p.body() != null) {
                    System.err.println("Content-Type: " + p.body().contentType() + "\n\n"
                            + Mutations.abbreviate(new String(p.body().bytes(), StandardCharsets.UTF_8), 2_000));
                }
                System.err.println(p.labels());
            }
            cases = List.of(only);
        }
        System.err.printf(
                Locale.ROOT,
                "hostile-input: %d operations in the spec, %d requests, seed %d, concurrency %d%n",
                api.operations().size(),
                cases.size(),
                options.seed(),
                options.concurrency());
        runner.execute(cases);

        boolean healthy = runner.healthy();
        List<String> integrity = runner.integrity();
        integrity.forEach(problem -> runner.fail("integrity", "GET", "-", 0, "integrity", problem));
        if (!healthy) {
            runner.fail(
                    "health", "GET", "/actuator/health/readiness", 0, "not-ready", "readiness is not UP after the run");
        }
        List<String> uncovered = new ArrayList<>();
        for (OpenApi.Operation op : api.operations()) {
            if (!runner.reached(op)) {
                uncovered.add(op.key());
                runner.fail(op.key(), op.method(), op.path(), 0, "not-covered", "no request reached this operation");
            }
        }
        boolean pass = runner.passed();
        runner.write(pass, healthy, uncovered, integrity, Duration.between(started, Instant.now()));
        return pass;
    }

    private byte[] serverPublicKey() {
        World.Reply jwks = world.call(null, "GET", "/.well-known/jwks.json", null);
        for (JsonNode key : jwks.body().path("keys").values()) {
            String x = key.path("x").asString("");
            if (!x.isEmpty()) {
                return Base64.getUrlDecoder().decode(x);
            }
        }
        return new byte[0];
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(options.baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }
}
