package com.clinic.bench.drills;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
 * <pre>
 * ./mvnw -q -f bench/pom.xml compile exec:java -Dexec.mainClass=com.clinic.bench.drills.HostileInputDrill \
 *   -Dexec.args="--base-url http://127.0.0.1:8080 --admin-email admin@clinic.local \
 *   --admin-password Change-Me-2026! --requests 10000 --out bench/results/hostile-input.json"
 * </pre>
 */
public final class HostileInputDrill {

    private static final int BODY_CAP = 1_048_576;

    private final Options options;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HostileJudge judge = new HostileJudge(json);
    private final HttpClient http;
    private final RawHttp raw;
    private OpenApi api;
    private World world;
    private Jwts jwts;

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

    /** One generated request: the operation it aims at and the seed that decides everything else. */
    record Case(int index, OpenApi.Operation op, long seed, boolean raw) {}

    private HostileInputDrill(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        URI base = URI.create(options.baseUrl());
        this.raw = new RawHttp(base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        boolean pass = new HostileInputDrill(options).run();
        System.exit(pass ? 0 : 1);
    }

    private boolean run() throws Exception {
        Instant started = Instant.now();
        JsonNode spec = json.readTree(get("/v3/api-docs"));
        api = new OpenApi(spec);
        world = new World(json, http, options.baseUrl());
        world.build(options.adminEmail(), options.adminPassword());
        world.warnings.forEach(w -> System.err.println("setup: " + w));
        world.warnings.stream()
                .filter(HostileJudge::setupServerError)
                .forEach(w -> fail("setup", "-", "-", 500, "5xx", w));
        byte[] publicKey = serverPublicKey();
        jwts = new Jwts(json, world.token("ADMIN"), publicKey);

        List<String> probeProblems = storageProbes();
        probeProblems.forEach(problem -> fail("storage-probe", "POST", "-", 0, "not-stored-as-sent", problem));
        List<Case> cases = generate();
        if (options.onlyCase() >= 0) {
            // Replays one generated request (same seed, same --requests) and shows it, for debugging a failure.
            Case only = cases.get(options.onlyCase());
            if (only.raw()) {
                RawCase rc = prepareRaw(only);
                System.err.println(only.op().key() + " " + rc.label() + "\n"
                        + Mutations.abbreviate(new String(rc.bytes(), StandardCharsets.ISO_8859_1), 2_000));
            } else {
                Prepared p = prepare(only);
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
        execute(cases);

        boolean healthy = healthy();
        List<String> integrity = integrity();
        integrity.forEach(problem -> fail("integrity", "GET", "-", 0, "integrity", problem));
        if (!healthy) {
            fail("health", "GET", "/actuator/health/readiness", 0, "not-ready", "readiness is not UP after the run");
        }
        List<String> uncovered = new ArrayList<>();
        for (OpenApi.Operation op : api.operations()) {
            if (!covered.contains(op.key())) {
                uncovered.add(op.key());
                fail(op.key(), op.method(), op.path(), 0, "not-covered", "no request reached this operation");
            }
        }
        boolean pass = failures.get() == 0;
        write(pass, healthy, uncovered, integrity, Duration.between(started, Instant.now()));
        return pass;
    }

    // ---------------------------------------------------------------------------------------------
    // Storage probes: text the database cannot keep must be refused, text it can keep must come back
    // exactly as written
    // ---------------------------------------------------------------------------------------------

    /** Operations that act on an existing resource rather than create one: no storage probes there. */
    private static final Set<String> ACTIONS = Set.of(
            "cancel",
            "reschedule",
            "confirm",
            "start",
            "complete",
            "check-in",
            "no-show",
            "withdraw",
            "accept",
            "decline",
            "enable",
            "disable",
            "erase",
            "deactivate",
            "activate",
            "prioritise",
            "transfer",
            "skip",
            "recall",
            "finish",
            "call-next",
            "read",
            "login",
            "logout",
            "refresh");

    private static final List<String> PROBE_TEXT = List.of(
            "a\u0000b",
            "x\uD800y",
            "\uDC00",
            "\u202Eevil\u202C.exe",
            "O'Brien\"; DROP TABLE clinics; --",
            "\uD83D\uDE00 emoji",
            "\u0639\u064A\u0627\u062F\u0629 \u0661\u0662\u0663",
            "line\nbreak\ttab",
            "\u200Bzero\u200Dwidth\uFEFF",
            "<script>alert(1)</script>",
            "\u0130 \u0131 \u00DF \uFB01");

    /**
     * For every creating operation whose plausible body the administrator can send successfully,
     * each string field once with a probe value: a 4xx is fine, a 2xx must read back identically.
     */
    private List<String> storageProbes() {
        List<String> problems = new ArrayList<>();
        String admin = world.token("ADMIN");
        int probe = 0;
        int sentProbes = 0;
        for (OpenApi.Operation op : api.operations()) {
            String last = op.path().substring(op.path().lastIndexOf('/') + 1);
            if (!op.method().equals("POST") || op.body() == null || ACTIONS.contains(last)) {
                continue;
            }
            Random r = new Random(options.seed() ^ op.key().hashCode());
            String path = op.path();
            for (OpenApi.Param p : op.params("path")) {
                String real = world.real(p.name(), r);
                path = path.replace("{" + p.name() + "}", real == null ? uuid(r) : real);
            }
            JsonNode base = null;
            World.Reply baseline = null;
            for (int attempt = 0; attempt < 4; attempt++) {
                base = api.sample(op.body(), null, world, r, 0);
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
            List<String[]> leaves = new ArrayList<>();
            stringLeaves(base, "", leaves);
            for (String[] leaf : leaves) {
                if (leaf[1].matches(
                        "(?i).*(id|ids|email|phone|zone|currency|password|date|start|end|from|to|language|specialt.*)$")) {
                    continue;
                }
                String value = PROBE_TEXT.get(probe++ % PROBE_TEXT.size());
                JsonNode body = base.deepCopy();
                setAt(body, leaf[0], value);
                World.Reply reply = world.call(admin, "POST", path, body);
                sentProbes++;
                covered.add(op.key());
                if (reply.response() == null) {
                    count("io-error");
                    continue;
                }
                check(
                        new Case(-1, op, 0, false),
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

    private static void stringLeaves(JsonNode node, String path, List<String[]> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getValue().isString()) {
                out.add(new String[] {here, field.getKey()});
            } else if (field.getValue().isObject()) {
                stringLeaves(field.getValue(), here, out);
            }
        }
    }

    private static void setAt(JsonNode root, String path, String value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.get(parts[i]);
        }
        ((ObjectNode) node).put(parts[parts.length - 1], value);
    }

    // ---------------------------------------------------------------------------------------------
    // Generation
    // ---------------------------------------------------------------------------------------------

    private List<Case> generate() {
        Random master = new Random(options.seed());
        List<OpenApi.Operation> ops = api.operations();
        List<Case> cases = new ArrayList<>(options.requests());
        List<OpenApi.Operation> round = new ArrayList<>();
        for (int i = 0; i < options.requests(); i++) {
            if (round.isEmpty()) {
                round.addAll(ops);
                Collections.shuffle(round, master);
            }
            OpenApi.Operation op = round.remove(round.size() - 1);
            boolean rawCase = master.nextInt(100) < 6;
            cases.add(new Case(i, op, master.nextLong(), rawCase));
        }
        return cases;
    }

    private static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so HttpClient accepts any string. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** A request: method, target (path and query, encoded), headers, body, and what makes it hostile. */
    record Prepared(String method, String target, List<String[]> headers, Mutations.Body body, List<String> labels) {}

    private String pathValue(OpenApi.Operation op, OpenApi.Param p, Random r, List<String> labels) {
        int roll = r.nextInt(100);
        String name = p.name();
        if (name.equals("patientId") && op.path().endsWith("/erase")) {
            name = "victimPatientId";
        }
        String real = world.real(name, r);
        if (roll < 55 && real != null) {
            return real;
        }
        if (roll < 75) {
            return switch (p.format()) {
                case "date" -> LocalDate.now().plusDays(r.nextInt(60) - 30).toString();
                case "uuid" -> uuid(r);
                default -> real != null ? real : "x" + r.nextInt(1000);
            };
        }
        String hostile =
                r.nextBoolean() ? Hostile.pick(r, Hostile.PATH_VALUES) : Hostile.forField(r, p.name(), p.format());
        labels.add("path." + p.name() + "=" + Mutations.abbreviate(hostile));
        return hostile;
    }

    private String queryValue(OpenApi.Param p, Random r) {
        String real = world.real(p.name(), r);
        if (real != null && r.nextInt(3) > 0) {
            return real;
        }
        JsonNode schema = p.schema();
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(r.nextInt(schema.get("enum").size())).asString();
        }
        return switch (p.name()) {
            case "limit" -> Integer.toString(1 + r.nextInt(50));
            case "from" ->
                "date-time".equals(p.format())
                        ? Instant.now().minus(Duration.ofDays(1)).toString()
                        : LocalDate.now().plusDays(1).toString();
            case "to" ->
                "date-time".equals(p.format())
                        ? Instant.now().plus(Duration.ofDays(1)).toString()
                        : LocalDate.now().plusDays(8).toString();
            case "date" -> LocalDate.now().toString();
            case "when" -> r.nextBoolean() ? "upcoming" : "past";
            case "status" -> "ACTIVE";
            case "role" -> "DOCTOR";
            case "specialty" -> "cardiology";
            case "language" -> "ar";
            case "name" -> "Drill";
            case "phone" -> "+966500000000";
            case "after" ->
                r.nextBoolean()
                        ? Integer.toString(r.nextInt(100))
                        : Base64.getUrlEncoder().encodeToString(("c" + r.nextInt()).getBytes(StandardCharsets.UTF_8));
            case "aggregateType" -> "clinic";
            case "eventType" -> "ClinicRegistered";
            default ->
                switch (p.type()) {
                    case "boolean" -> Boolean.toString(r.nextBoolean());
                    case "integer" -> Integer.toString(r.nextInt(100));
                    default -> "uuid".equals(p.format()) ? uuid(r) : "x";
                };
        };
    }

    private Prepared prepare(Case c) {
        Random r = new Random(c.seed());
        OpenApi.Operation op = c.op();
        List<String> labels = new ArrayList<>();
        String method = op.method();
        if (r.nextInt(100) < 3) {
            method = Hostile.pick(r, List.of("PATCH", "DELETE", "OPTIONS", "TRACE", "PUT", "POST", "GET", "HEAD"));
            labels.add("method=" + method);
        }
        String path = op.path();
        for (OpenApi.Param p : op.params("path")) {
            path = path.replace("{" + p.name() + "}", encode(pathValue(op, p, r, labels)));
        }
        if (r.nextInt(100) < 2) {
            String suffix = Hostile.pick(r, List.of("/", "/x", "/..", "/%2e%2e", ";x=1", "//", "/%2F", ".json", "%20"));
            path += suffix;
            labels.add("path+=" + suffix);
        }
        StringBuilder query = new StringBuilder();
        for (OpenApi.Param p : op.params("query")) {
            int roll = r.nextInt(100);
            if (roll < (p.required() ? 5 : 35)) {
                continue;
            }
            roll = Math.max(roll, 35);
            String value;
            if (roll < 75) {
                value = queryValue(p, r);
            } else {
                value = r.nextBoolean()
                        ? Hostile.pick(r, Hostile.QUERY_VALUES)
                        : Hostile.forField(r, p.name(), p.format());
                labels.add("query." + p.name() + "=" + Mutations.abbreviate(value));
            }
            query.append(query.isEmpty() ? "?" : "&")
                    .append(encode(p.name()))
                    .append('=')
                    .append(encode(value));
            if (r.nextInt(100) < 4) {
                query.append('&')
                        .append(encode(p.name()))
                        .append('=')
                        .append(encode(Hostile.pick(r, Hostile.QUERY_VALUES)));
                labels.add("query." + p.name() + "=duplicated");
            }
        }
        if (r.nextInt(100) < 8) {
            String extra = Hostile.pick(
                    r,
                    List.of(
                            "sort=name%3BDROP",
                            "limit%5B%5D=1",
                            "__proto__%5Bx%5D=1",
                            "a".repeat(200) + "=1",
                            "page=-1",
                            "fields=*",
                            "debug=true",
                            "trace=true",
                            "=",
                            "&&&",
                            "x=%00",
                            "x=%E2%80%AE"));
            query.append(query.isEmpty() ? "?" : "&").append(extra);
            labels.add("query.extra=" + Mutations.abbreviate(extra));
        }

        List<String[]> headers = new ArrayList<>();
        if (r.nextInt(100) < 90) {
            headers.add(new String[] {"Accept", "application/json, application/problem+json"});
        } else {
            String accept = Hostile.pick(r, Hostile.ACCEPT);
            headers.add(new String[] {"Accept", accept});
            labels.add("accept=" + accept);
        }
        int auth = r.nextInt(100);
        // A well-formed replay request from an administrator is honoured: it rebuilds every read model
        // and refuses writes meanwhile (503 by design), so replays are only ever sent unauthorised.
        boolean replay = op.path().endsWith("/replay");
        if (replay) {
            // Not even a forged variant of the administrator's token: some variants are valid.
            headers.add(new String[] {"Authorization", "Bearer " + world.token("AUDITOR")});
            labels.add("auth=role:AUDITOR");
        } else if (auth < 55) {
            headers.add(new String[] {"Authorization", "Bearer " + world.token("ADMIN")});
        } else if (auth < 75) {
            String role = Hostile.pick(r, World.ROLES);
            String token = world.token(role);
            if (token != null) {
                headers.add(new String[] {"Authorization", "Bearer " + token});
            }
            labels.add("auth=role:" + role);
        } else {
            String kind = Hostile.pick(r, Jwts.KINDS);
            World.Session admin = world.session("ADMIN");
            String value = jwts.authorization(kind, r, admin == null ? "x" : admin.refreshToken());
            if (value != null) {
                headers.add(new String[] {"Authorization", value});
            }
            labels.add("auth=" + kind);
        }
        for (OpenApi.Param p : op.params("header")) {
            int roll = r.nextInt(100);
            if (roll < 40) {
                continue;
            }
            String value = roll < 70
                    ? Hostile.pick(r, List.of("\"0\"", "\"1\"", "\"2\"", "\"3\"", "*"))
                    : Hostile.pick(r, Hostile.IF_MATCH);
            headers.add(new String[] {p.name(), value});
            if (roll >= 70) {
                labels.add("header." + p.name() + "=" + Mutations.abbreviate(value));
            }
        }
        if (r.nextInt(100) < 30) {
            headers.add(new String[] {"X-Forwarded-For", "203.0.113." + (1 + r.nextInt(254))});
        }
        if (op.method().equals("POST") && r.nextInt(100) < 20) {
            headers.add(new String[] {"Idempotency-Key", "drill-" + world.runTag() + "-" + r.nextInt(40)});
        }
        if (r.nextInt(100) < 15) {
            String[] header =
                    switch (r.nextInt(10)) {
                        case 0 -> new String[] {"Accept-Language", Hostile.pick(r, Hostile.ACCEPT_LANGUAGE)};
                        case 1 ->
                            new String[] {
                                "Idempotency-Key",
                                Hostile.pick(
                                        r, List.of("", " ", "k".repeat(300), "\u00e9t\u00e9", "a b", "drill-key-1"))
                            };
                        case 2 -> new String[] {"X-Request-Id", Hostile.pick(r, Hostile.INJECTION)};
                        case 3 -> new String[] {"X-Correlation-Id", "c".repeat(200)};
                        case 4 -> new String[] {"X-Forwarded-For", Hostile.pick(r, Hostile.FORWARDED_FOR)};
                        case 5 -> new String[] {"Cookie", "JSESSIONID=" + "x".repeat(100) + "; SESSION=../../"};
                        case 6 -> new String[] {"Origin", "https://evil.example"};
                        case 7 -> new String[] {"Range", "bytes=0-1,2-3,4-5,0-,-1"};
                        case 8 -> new String[] {"Content-Encoding", "gzip"};
                        default -> new String[] {"X-HTTP-Method-Override", "DELETE"};
                    };
            headers.add(header);
            labels.add("header." + header[0] + "=" + Mutations.abbreviate(header[1]));
        }

        Mutations mutations = new Mutations(json, r);
        Mutations.Body body = null;
        if (op.body() != null) {
            body = mutations.mutate(api.sample(op.body(), null, world, r, 0));
            labels.add(body.label());
        } else if (r.nextInt(100) < 8) {
            body = mutations.unexpected();
            labels.add(body.label());
        }
        return new Prepared(method, path + query, headers, body, labels);
    }

    // ---------------------------------------------------------------------------------------------
    // Raw protocol cases
    // ---------------------------------------------------------------------------------------------

    private record RawCase(byte[] bytes, boolean halfClose, String label) {}

    private RawCase prepareRaw(Case c) {
        Random r = new Random(c.seed());
        Prepared p = prepare(c);
        String target = p.target();
        String host = "Host: " + URI.create(options.baseUrl()).getAuthority() + "\r\n";
        String auth = c.op().path().endsWith("/replay")
                ? "Authorization: Bearer " + world.token("AUDITOR") + "\r\n" // see prepare: replays stay unauthorised
                : "Authorization: Bearer " + world.token("ADMIN") + "\r\n";
        String method = c.op().method();
        String json = "{\"a\":1}";
        if (p.body() != null && p.body().bytes().length < 100_000) {
            json = new String(p.body().bytes(), StandardCharsets.UTF_8);
        }
        int len = json.getBytes(StandardCharsets.UTF_8).length;
        String common = host + auth + "Connection: close\r\n";
        String ct = "Content-Type: application/json\r\n";
        int kind = r.nextInt(42);
        String label;
        byte[] bytes;
        boolean halfClose = false;
        String withBody =
                method + " " + target + " HTTP/1.1\r\n" + common + ct + "Content-Length: " + len + "\r\n\r\n" + json;
        switch (kind) {
            case 0 -> {
                label = "raw:bad-percent";
                bytes = ascii(method + " " + target.replaceFirst("/api/v1/", "/api/v1/%ZZ/") + " HTTP/1.1\r\n" + common
                        + "\r\n");
            }
            case 1 -> {
                label = "raw:truncated-percent";
                bytes = ascii(method + " " + stripQuery(target) + "%4 HTTP/1.1\r\n" + common + "\r\n");
            }
            case 2 -> {
                label = "raw:0xff-in-path";
                bytes = concat(
                        ascii(method + " " + stripQuery(target) + "/"),
                        new byte[] {(byte) 0xFF, (byte) 0xFE},
                        ascii(" HTTP/1.1\r\n" + common + "\r\n"));
            }
            case 3 -> {
                label = "raw:overlong-utf8-path";
                bytes = ascii(method + " /api/v1/%C0%AE%C0%AE%C0%AF%C0%AE%C0%AE%C0%AFetc/passwd HTTP/1.1\r\n" + common
                        + "\r\n");
            }
            case 4 -> {
                label = "raw:encoded-nul-path";
                bytes = ascii(method + " " + stripQuery(target) + "%00.json HTTP/1.1\r\n" + common + "\r\n");
            }
            case 5 -> {
                label = "raw:space-in-path";
                bytes = ascii(method + " " + stripQuery(target) + " x y HTTP/1.1\r\n" + common + "\r\n");
            }
            case 6 -> {
                label = "raw:invalid-utf8-query";
                bytes = ascii(method + " " + stripQuery(target) + "?name=%FF%FE%C3%28&limit=%ZZ HTTP/1.1\r\n" + common
                        + "\r\n");
            }
            case 7 -> {
                label = "raw:raw-bytes-query";
                bytes = concat(
                        ascii(method + " " + stripQuery(target) + "?name="),
                        new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xE2, 0x01},
                        ascii(" HTTP/1.1\r\n" + common + "\r\n"));
            }
            case 8 -> {
                String version = Hostile.pick(
                        r, List.of("HTTP/9.9", "HTTP/1.2", "HTTP/1.1 extra", "HTTP/1", "HTTPS/1.1", "http/1.1"));
                label = "raw:version:" + version;
                bytes = ascii(method + " " + target + " " + version + "\r\n" + common + "\r\n");
            }
            case 9 -> {
                label = "raw:http-0.9";
                bytes = ascii("GET " + target + "\r\n\r\n");
            }
            case 10 -> {
                String m = Hostile.pick(
                        r, List.of("get", "FOO", "G\u00c9T", "M".repeat(10_000), "CONNECT", "PROPFIND", "BREW"));
                label = "raw:method:" + Mutations.abbreviate(m);
                bytes = (m + " " + target + " HTTP/1.1\r\n" + common + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            case 11 -> {
                label = "raw:header-no-colon";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "Bad Header Line\r\n\r\n");
            }
            case 12 -> {
                label = "raw:obs-fold";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "X-Fuzz: a\r\n  folded\r\n\r\n");
            }
            case 13 -> {
                label = "raw:header-name-space";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "X Fuzz : z\r\n\r\n");
            }
            case 14 -> {
                label = "raw:header-nul";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "X-Request-Id: a\u0000b\r\n\r\n");
            }
            case 15 -> {
                label = "raw:header-8bit";
                bytes = concat(
                        ascii(method + " " + target + " HTTP/1.1\r\n" + host
                                + "Connection: close\r\nAuthorization: Bearer "),
                        new byte[] {(byte) 0xE2, (byte) 0x80, (byte) 0xAE, (byte) 0xFF},
                        ascii("\r\nX-Request-Id: "),
                        "\u0645\u0631\u062D\u0628\u0627".getBytes(StandardCharsets.UTF_8),
                        ascii("\r\n\r\n"));
            }
            case 16 -> {
                label = "raw:huge-header";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "X-Fuzz: " + "h".repeat(70_000)
                        + "\r\n\r\n");
            }
            case 17 -> {
                label = "raw:many-headers";
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 2_000; i++) {
                    many.append("X-Fuzz-").append(i).append(": ").append(i).append("\r\n");
                }
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + many + "\r\n");
            }
            case 18 -> {
                label = "raw:missing-host";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + auth + "Connection: close\r\n\r\n");
            }
            case 19 -> {
                label = "raw:double-host";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + "Host: evil.example\r\n\r\n");
            }
            case 20 -> {
                String cl = Hostile.pick(r, List.of("-1", "abc", "99999999999999999999", "1, 2", "0x10", " 5"));
                label = "raw:content-length:" + cl;
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct + "Content-Length: " + cl
                        + "\r\n\r\n" + json);
                halfClose = true;
            }
            case 21 -> {
                label = "raw:double-content-length";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct + "Content-Length: " + len
                        + "\r\nContent-Length: " + (len + 5) + "\r\n\r\n" + json);
                halfClose = true;
            }
            case 22 -> {
                label = "raw:cl-te-smuggle";
                bytes = ascii(
                        method + " " + target + " HTTP/1.1\r\n" + common + ct
                                + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/v1/users HTTP/1.1\r\nHost: x\r\n\r\n");
                halfClose = true;
            }
            case 23 -> {
                String te = Hostile.pick(
                        r, List.of("gzip, chunked", "xchunked", "chunked, identity", "identity", "chunked\u000b"));
                label = "raw:transfer-encoding:" + Mutations.abbreviate(te);
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct + "Transfer-Encoding: " + te
                        + "\r\n\r\n" + Integer.toHexString(len) + "\r\n" + json + "\r\n0\r\n\r\n");
                halfClose = true;
            }
            case 24 -> {
                label = "raw:chunk-size-invalid";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n" + json + "\r\n0\r\n\r\n");
                halfClose = true;
            }
            case 25 -> {
                label = "raw:chunk-size-overflow";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n" + json + "\r\n0\r\n\r\n");
                halfClose = true;
            }
            case 26 -> {
                label = "raw:chunk-no-terminator";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(len) + "\r\n" + json + "\r\n");
                halfClose = true;
            }
            case 27 -> {
                label = "raw:chunk-size-mismatch";
                bytes = ascii(
                        method + " " + target + " HTTP/1.1\r\n" + common + ct + "Transfer-Encoding: chunked\r\n\r\n"
                                + Integer.toHexString(len + 100) + "\r\n" + json + "\r\n0\r\n\r\n");
                halfClose = true;
            }
            case 28 -> {
                label = "raw:chunk-extension-huge";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(len) + ";ext=" + "e".repeat(20_000)
                        + "\r\n" + json + "\r\n0\r\n\r\n");
                halfClose = true;
            }
            case 29 -> {
                label = "raw:body-shorter-than-content-length";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct + "Content-Length: " + (len + 1000)
                        + "\r\n\r\n" + json);
                halfClose = true;
            }
            case 30 -> {
                label = "raw:h2-preface";
                bytes = ascii("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            }
            case 31 -> {
                label = "raw:absolute-uri";
                bytes = ascii(method + " http://evil.example" + target + " HTTP/1.1\r\n" + common + "\r\n");
            }
            case 32 -> {
                label = "raw:asterisk-target";
                bytes = ascii(Hostile.pick(r, List.of("OPTIONS", "GET", "POST")) + " * HTTP/1.1\r\n" + common + "\r\n");
            }
            case 33 -> {
                label = "raw:lf-only";
                bytes = ascii(withBody.replace("\r\n", "\n"));
            }
            case 34 -> {
                label = "raw:body-invalid-utf8";
                byte[] bad = concat(
                        ascii("{\"nameEn\":\""),
                        new byte[] {(byte) 0xFF, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        ascii("\"}"));
                bytes = concat(
                        ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct + "Content-Length: " + bad.length
                                + "\r\n\r\n"),
                        bad);
            }
            case 35 -> {
                label = "raw:cr-in-header-value";
                bytes = ascii(
                        method + " " + target + " HTTP/1.1\r\n" + common + "X-Request-Id: a\rInjected: yes\r\n\r\n");
            }
            case 36 -> {
                label = "raw:expect-100-continue";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Expect: 100-continue\r\nContent-Length: " + len + "\r\n\r\n" + json);
            }
            case 37 -> {
                label = "raw:very-long-url";
                bytes = ascii(method + " " + stripQuery(target) + "?q=" + "u".repeat(100_000) + " HTTP/1.1\r\n" + common
                        + "\r\n");
            }
            case 38 -> {
                label = "raw:garbage-bytes";
                byte[] garbage = new byte[512];
                r.nextBytes(garbage);
                bytes = garbage;
                halfClose = true;
            }
            case 39 -> {
                label = "raw:tls-client-hello";
                bytes = new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1, 0x03, 0x03};
                halfClose = true;
            }
            case 40 -> {
                label = "raw:websocket-upgrade";
                bytes = ascii(
                        method + " " + target + " HTTP/1.1\r\n" + common
                                + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            }
            default -> {
                label = "raw:gzip-claimed-plain-body";
                bytes = ascii(method + " " + target + " HTTP/1.1\r\n" + common + ct
                        + "Content-Encoding: gzip\r\nContent-Length: " + len + "\r\n\r\n" + json);
            }
        }
        return new RawCase(bytes, halfClose, label);
    }

    private static String stripQuery(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------
    // Execution and checks
    // ---------------------------------------------------------------------------------------------

    private void execute(List<Case> cases) throws InterruptedException {
        Semaphore permits = new Semaphore(options.concurrency());
        Instant renewed = Instant.now();
        int step = Math.max(1, cases.size() / 10);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Case c : cases) {
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

    private void runHttp(Case c) {
        Prepared p = prepare(c);
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

    private void runRaw(Case c) {
        RawCase rc = prepareRaw(c);
        RawHttp.Response response = raw.send(rc.bytes(), rc.halfClose(), 10_000);
        String outcome = response.status() == 0 ? response.outcome() : Integer.toString(response.status());
        rawOutcomes
                .computeIfAbsent(
                        rc.label().replaceFirst("^(raw:[a-z0-9-]+).*", "$1") + " " + outcome, k -> new AtomicInteger())
                .incrementAndGet();
        record(c, c.op().method(), rc.label(), response, List.of(rc.label()));
    }

    private void runRawPrepared(Case c, Prepared p) {
        StringBuilder head =
                new StringBuilder(p.method()).append(' ').append(p.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ")
                .append(URI.create(options.baseUrl()).getAuthority())
                .append("\r\nConnection: close\r\n");
        for (String[] h : p.headers()) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        byte[] body = p.body() == null ? new byte[0] : p.body().bytes();
        if (p.body() != null) {
            if (p.body().contentType() != null) {
                head.append("Content-Type: ").append(p.body().contentType()).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] bytes = concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
        RawHttp.Response response = raw.send(bytes, false, 15_000);
        if (response.status() != 0) {
            covered.add(c.op().key());
        }
        List<String> labels = new ArrayList<>(p.labels());
        labels.add("sent-raw");
        record(c, p.method(), p.target(), response, labels);
    }

    private void record(Case c, String method, String target, RawHttp.Response response, List<String> labels) {
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
            Case c,
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

    private void fail(String op, String method, String path, int status, String reason, String snippet) {
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

    private boolean healthy() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            World.Reply reply = world.call(null, "GET", "/actuator/health/readiness", null);
            if (reply.status() == 200 && "UP".equals(reply.text("status"))) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    private List<String> integrity() {
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

    private void write(boolean pass, boolean healthy, List<String> uncovered, List<String> integrity, Duration took)
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
