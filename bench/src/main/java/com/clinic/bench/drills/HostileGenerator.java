package com.clinic.bench.drills;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input drill's generator: hostile requests built from the OpenAPI description, each
 * decided by its own seed so that {@code --case} replays one exactly. It sends nothing; the runner
 * does, and the judge decides what the answers mean.
 *
 * <p>Three kinds: HTTP requests with hostile parameters, headers, tokens and bodies aimed at an
 * operation ({@link #prepare}); raw protocol violations written to a socket ({@link #prepareRaw});
 * and storage probes, the plausible body of a creating operation with one string field replaced by
 * text the database may not keep.
 */
final class HostileGenerator {

    /** One generated request: the operation it aims at and the seed that decides everything else. */
    record Case(int index, OpenApi.Operation op, long seed, boolean raw) {}

    private final HostileInputDrill.Options options;
    private final JsonMapper json;
    private final OpenApi api;
    private final World world;
    private final Jwts jwts;

    HostileGenerator(HostileInputDrill.Options options, JsonMapper json, OpenApi api, World world, Jwts jwts) {
        this.options = options;
        this.json = json;
        this.api = api;
        this.world = world;
        this.jwts = jwts;
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

    /** A POST with a body that creates something (not an action on an existing resource). */
    static boolean probesStorage(OpenApi.Operation op) {
        String last = op.path().substring(op.path().lastIndexOf('/') + 1);
        return op.method().equals("POST") && op.body() != null && !ACTIONS.contains(last);
    }

    /** The randomness of one operation's probes: the same for a given seed, whatever else ran. */
    Random probeRandom(OpenApi.Operation op) {
        return new Random(options.seed() ^ op.key().hashCode());
    }

    /** The operation's path with real ids where the world has some, random ones elsewhere. */
    String probePath(OpenApi.Operation op, Random r) {
        String path = op.path();
        for (OpenApi.Param p : op.params("path")) {
            String real = world.real(p.name(), r);
            path = path.replace("{" + p.name() + "}", real == null ? uuid(r) : real);
        }
        return path;
    }

    /** A body the administrator can plausibly send with success: the baseline each probe alters. */
    JsonNode plausibleBody(OpenApi.Operation op, Random r) {
        return api.sample(op.body(), null, world, r, 0);
    }

    /**
     * The string fields worth a probe, as {dotted path, field name}: not ids, e-mail addresses, phone
     * numbers, zones, currencies, passwords, dates, languages or specialties, whose format is checked.
     */
    static List<String[]> probeLeaves(JsonNode base) {
        List<String[]> leaves = new ArrayList<>();
        stringLeaves(base, "", leaves);
        leaves.removeIf(leaf -> leaf[1].matches(
                "(?i).*(id|ids|email|phone|zone|currency|password|date|start|end|from|to|language|specialt.*)$"));
        return leaves;
    }

    /** The n-th probe text, round the list. */
    static String probeText(int n) {
        return PROBE_TEXT.get(n % PROBE_TEXT.size());
    }

    /** The baseline with one string field, at a dotted path, set to a probe text. */
    static JsonNode probeBody(JsonNode base, String path, String value) {
        JsonNode body = base.deepCopy();
        setAt(body, path, value);
        return body;
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

    List<Case> generate() {
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

    static String uuid(Random r) {
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

    Prepared prepare(Case c) {
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

    /** Bytes to write to a socket as they are: no HTTP client would send them. */
    record RawCase(byte[] bytes, boolean halfClose, String label) {}

    RawCase prepareRaw(Case c) {
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

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * A prepared request the JDK client refuses to send (a restricted header or value), as the bytes
     * to write instead: the same method, target, headers and body over a closing connection.
     */
    byte[] rawPrepared(Prepared p) {
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
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }
}
