package com.clinic.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A thin HTTP client for integration tests against the running application. Immutable: {@link
 * #as(String)} and {@link #header(String, String)} return a new client with that header added.
 *
 * <pre>{@code
 * Api api = Api.on(port);
 * Api.Response created = api.as(Sessions.admin(api)).post("/api/v1/users", Map.of("email", ...));
 * assertThat(created.status()).isEqualTo(201);
 * String token = created.body().path("activationToken").asString();
 * }</pre>
 *
 * Bodies: a {@code String} is sent as-is (so malformed JSON can be tested); anything else (a Map, a
 * record, a JsonNode) is serialized to JSON; {@code null} sends no body.
 *
 * <p>Each {@link #on(int)} is a client of its own, connecting from an address of its own in
 * 127.0.0.0/8 (all of it is loopback on Linux), as real users have addresses of their own: the
 * per-client limits on sign-ins and registrations (ADR 0013) then never let one test's attempts
 * count against another's. The server believes no {@code X-Forwarded-For} from these addresses.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Map<String, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    /** Status, headers and the body parsed as JSON ({@link MissingNode} when empty or not JSON). */
    public record Response(int status, HttpHeaders headers, JsonNode body, String rawBody) {

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** Shorthand for {@code body().path(field)}. */
        public JsonNode json(String field) {
            return body.path(field);
        }

        @Override
        public String toString() {
            return status + " " + rawBody;
        }
    }

    private final String baseUrl;
    private final Map<String, String> headers;
    private final String clientAddress;

    private Api(String baseUrl, Map<String, String> headers, String clientAddress) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.clientAddress = clientAddress;
    }

    public static Api on(int port) {
        return new Api("http://127.0.0.1:" + port, Map.of(), nextAddress());
    }

    /** The same server and headers, connecting from a fresh address: another client, as the server sees it. */
    public Api fromNewAddress() {
        return from(nextAddress());
    }

    /** The same server and headers, connecting from {@code loopbackAddress} (in 127.0.0.0/8). */
    public Api from(String loopbackAddress) {
        return new Api(baseUrl, headers, loopbackAddress);
    }

    /** The address this client connects from: what the server takes for the client's address. */
    public String clientAddress() {
        return clientAddress;
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "127.1." + (n / 250 % 250) + "." + (1 + n % 250);
    }

    private static HttpClient client(String address) {
        return CLIENTS.computeIfAbsent(address, a -> {
            try {
                return HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .version(HttpClient.Version.HTTP_1_1)
                        .localAddress(InetAddress.getByName(a))
                        .build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(a, e);
            }
        });
    }

    /** The same client, sending {@code Authorization: Bearer <accessToken>}. */
    public Api as(String accessToken) {
        return header("Authorization", "Bearer " + accessToken);
    }

    /** The same client, with no Authorization header. */
    public Api anonymous() {
        Map<String, String> without = new LinkedHashMap<>(headers);
        without.remove("Authorization");
        return new Api(baseUrl, without, clientAddress);
    }

    public Api header(String name, String value) {
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put(name, value);
        return new Api(baseUrl, with, clientAddress);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A POST of an HTML form ({@code application/x-www-form-urlencoded}), as providers' callbacks send. */
    public Response postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> java.net.URLEncoder.encode(field.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(field.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest.Builder request = request(path);
        request.header("Content-Type", "application/x-www-form-urlencoded");
        request.POST(HttpRequest.BodyPublishers.ofString(form));
        return exchange(request, "POST", path);
    }

    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request = request(path);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return exchange(request, method, path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private Response exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response =
                    client(clientAddress).send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return MissingNode.getInstance();
        }
    }
}
