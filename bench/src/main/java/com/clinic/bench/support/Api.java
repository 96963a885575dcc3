package com.clinic.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP against the clinic API; anything but the expected status is an error with the body. */
public final class Api {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    public record Response(int status, JsonNode body, String raw) {}

    private final HttpClient http;
    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, new String[0]);
    }

    /** With extra headers, as name-value pairs. */
    public Response send(String method, String path, String token, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if ("PUT".equals(method) && path.endsWith("/schedule")) {
            request.header("If-None-Match", "*");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode parsed = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), parsed, raw);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and insists on a 2xx. */
    public JsonNode ok(String method, String path, String token, Object body, String... headers) {
        Response response = send(method, path, token, body, headers);
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + response.status() + " " + response.raw());
        }
        return response.body();
    }

    public String login(String login, String password) {
        return ok("POST", "/api/v1/auth/login", null, java.util.Map.of("login", login, "password", password))
                .get("accessToken")
                .asString();
    }
}
