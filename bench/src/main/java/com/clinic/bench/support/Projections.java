package com.clinic.bench.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Waits for the server's projections through {@code GET /api/v1/admin/projections}: {@code --wait}
 * until every running streaming processor has reached the head of the event store, {@code --replay}
 * after asking for a replay of every projection. Writes how long it took and the events per second.
 */
public final class Projections {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Api api = new Api(options.get("base-url", "http://127.0.0.1:8080"));
        Session session = new Session(api, options.require("admin-email"), options.require("admin-password"));
        String token = session.token();
        long timeout = options.integer("timeout-seconds", 3600) * 1000L;
        JsonNode before = api.ok("GET", "/api/v1/admin/projections", token, null);
        long start = System.nanoTime();
        boolean replay = options.get("replay", "false").equals("true");
        if (replay) {
            api.ok("POST", "/api/v1/admin/projections/replay", token, null);
        }
        long lowest = lowestPosition(before);
        JsonNode status;
        long deadline = System.currentTimeMillis() + timeout;
        while (true) {
            status = api.ok("GET", "/api/v1/admin/projections", session.token(), null);
            if (caughtUp(status)) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("projections not caught up in time: " + status);
            }
            Thread.sleep(replay ? 200 : 100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long head = status.path("head").asLong(0);
        long events = replay ? head : Math.max(0, head - lowest);
        long replayed = 0;
        for (JsonNode p : status.get("processors")) {
            if (p.path("replayable").asBoolean()) {
                replayed++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("what", replay ? "replay of every projection" : "catch-up");
        result.put("seconds", seconds);
        result.put("head", head);
        result.put("events", events);
        result.put("eventsPerSecond", seconds > 0 ? events / seconds : 0);
        result.put("projections", replayed);
        result.put("processorEventsPerSecond", seconds > 0 ? events * (double) replayed / seconds : 0);
        Path out = Path.of(options.require("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("projections: " + result);
    }

    /**
     * Signs in again well before the access token expires (ten minutes by default): catching up on a
     * million appointments takes longer than that.
     */
    private static final class Session {

        private static final long RENEW_AFTER_NANOS = 4L * 60 * 1_000_000_000;

        private final Api api;
        private final String email;
        private final String password;
        private String token;
        private long signedInAt;

        Session(Api api, String email, String password) throws Exception {
            this.api = api;
            this.email = email;
            this.password = password;
            signIn();
        }

        String token() throws Exception {
            if (System.nanoTime() - signedInAt > RENEW_AFTER_NANOS) {
                signIn();
            }
            return token;
        }

        private void signIn() throws Exception {
            token = api.login(email, password);
            signedInAt = System.nanoTime();
        }
    }

    private static long lowestPosition(JsonNode status) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode p : status.get("processors")) {
            if (p.path("running").asBoolean() && !p.path("mode").asString("").equals("SUBSCRIBING")) {
                lowest = Math.min(lowest, p.path("position").isNull() ? 0 : p.path("position").asLong(0));
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    private static boolean caughtUp(JsonNode status) {
        if (status.path("replaying").asBoolean()) {
            return false;
        }
        long head = status.path("head").asLong(0);
        for (JsonNode p : status.get("processors")) {
            if (!p.path("running").asBoolean() || p.path("mode").asString("").equals("SUBSCRIBING")) {
                continue;
            }
            if (p.path("error").asBoolean() || p.path("position").isNull() || p.path("position").asLong() < head) {
                return false;
            }
        }
        return true;
    }
}
