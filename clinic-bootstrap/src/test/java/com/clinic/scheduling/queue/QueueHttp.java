package com.clinic.scheduling.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the queue API, including a reader of Server-Sent Event streams. */
final class QueueHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    QueueHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Response(int status, String contentType, JsonNode body, Optional<String> location) {

        String code() {
            return body.path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** One received event: its name, id and JSON data. */
    record Event(String name, String id, JsonNode data) {}

    Response get(String path, String token) {
        return send(request(path, token, "en").GET().build());
    }

    Response post(String path, String token, Object body) {
        return post(path, token, body, "en");
    }

    Response post(String path, String token, Object body, String language) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(
                        body instanceof String text ? text : JSON.writeValueAsString(body));
        return send(request(path, token, language)
                .header("Content-Type", "application/json")
                .POST(publisher)
                .build());
    }

    /** Opens a stream and reads it on a virtual thread until closed; fails unless it opens with 200. */
    EventStream stream(String path, String token) {
        HttpRequest request = request(path, token, "en")
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new AssertionError("stream " + path + " answered " + response.statusCode() + " " + body);
            }
            return new EventStream(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status of a stream request that is expected to be refused. */
    int streamStatus(String path, String token) {
        HttpRequest request = request(path, token, "en")
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept-Language", language);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    body,
                    response.headers().firstValue("Location"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The events of an open stream as they arrive (text/event-stream framing: fields, blank line). */
    static final class EventStream implements AutoCloseable {

        private final List<Event> events = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.CompletableFuture<Void> ended =
                new java.util.concurrent.CompletableFuture<>();
        private final Stream<String> lines;
        private final Thread reader;

        private EventStream(HttpResponse<Stream<String>> response) {
            this.lines = response.body();
            this.reader = Thread.ofVirtual().start(this::read);
        }

        private void read() {
            String name = "message";
            String id = null;
            List<String> data = new ArrayList<>();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new Event(name, id, JSON.readTree(String.join("\n", data))));
                        }
                        name = "message";
                        id = null;
                        data.clear();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    }
                }
                ended.complete(null);
            } catch (RuntimeException broken) {
                // closed by us, or broken by the server
                ended.completeExceptionally(broken);
            }
        }

        /** Completes when the server ended the stream properly; exceptionally when it broke off. */
        java.util.concurrent.CompletableFuture<Void> ended() {
            return ended;
        }

        List<Event> events() {
            return List.copyOf(events);
        }

        Optional<Event> last(String name) {
            List<Event> named =
                    events.stream().filter(event -> event.name().equals(name)).toList();
            return named.isEmpty() ? Optional.empty() : Optional.of(named.getLast());
        }

        @Override
        public void close() {
            lines.close();
            reader.interrupt();
        }
    }
}
