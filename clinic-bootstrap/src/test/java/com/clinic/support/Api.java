package com.clinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

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

    private Api(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public static Api on(int port) {
        return new Api("http://127.0.0.1:" + port, Map.of());
    }

    /** The same client, sending {@code Authorization: Bearer <accessToken>}. */
    public Api as(String accessToken) {
        return header("Authorization", "Bearer " + accessToken);
    }

    /** The same client, with no Authorization header. */
    public Api anonymous() {
        Map<String, String> without = new LinkedHashMap<>(headers);
        without.remove("Authorization");
        return new Api(baseUrl, without);
    }

    public Api header(String name, String value) {
        Map<String, String> with = new LinkedHashMap<>(headers);
        with.put(name, value);
        return new Api(baseUrl, with);
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

    public Response send(String method, String path, Object body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
