package com.clinic.bench.drills;

import com.clinic.bench.support.Api;
import com.clinic.bench.support.Options;
import com.clinic.bench.support.Result;
import com.clinic.bench.support.SeedData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * PostgreSQL restarted under load, the server left alone. PASS when readiness goes DOWN during the
 * outage, comes back UP and the server books again within {@code --recovery-seconds} (10) of
 * PostgreSQL accepting connections again, and no request was answered with a 5xx other than 503.
 */
public final class PostgresRestartDrill {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        String base = options.get("base-url", "http://127.0.0.1:8080");
        String dbUrl = options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench");
        int recoveryLimit = options.integer("recovery-seconds", 10);
        String restart = options.require("restart-command");
        Result result = new Result("postgres-restart");
        BookingLoad load = new BookingLoad(new Api(base), SeedData.read(Path.of(options.get("seed-dir", "bench/results/seed"))));
        Thread loader = Thread.ofVirtual().start(() -> {
            try {
                load.run(options.integer("workers", 16), 600_000, Path.of(options.get("record", "bench/results/pg-restart-bookings.txt")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> transitions = new ArrayList<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        long[] firstDown = {0};
        long[] upAgain = {0};
        Thread watcher = Thread.ofVirtual().start(() -> {
            String last = "";
            while (watching.get()) {
                String state;
                try {
                    // A probe that has not answered within a second counts as not ready, as Kubernetes'
                    // default timeoutSeconds does; a slower probe answering UP once the outage is over
                    // must not hide it.
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                    state = r.statusCode() == 200 ? "UP" : "DOWN";
                } catch (Exception e) {
                    state = "UNREACHABLE";
                }
                long now = System.currentTimeMillis();
                if (!state.equals(last)) {
                    transitions.add(now + " " + state);
                    if (!state.equals("UP") && firstDown[0] == 0) {
                        firstDown[0] = now;
                    }
                    if (state.equals("UP") && firstDown[0] != 0) {
                        upAgain[0] = now;
                    }
                    last = state;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        Thread.sleep(options.integer("warmup-seconds", 5) * 1000L);
        long restartAt = System.currentTimeMillis();
        Process process = new ProcessBuilder("bash", "-c", restart).inheritIO().start();
        int exit = process.waitFor();
        long dbBack = 0;
        while (dbBack == 0 && System.currentTimeMillis() - restartAt < 120_000) {
            try (var c = DriverManager.getConnection(dbUrl, "postgres", "")) {
                dbBack = System.currentTimeMillis();
            } catch (Exception notYet) {
                Thread.sleep(50);
            }
        }
        int bookedBefore = load.outcome("book", 201);
        long recovered = 0;
        while (System.currentTimeMillis() - dbBack < 60_000) {
            if (upAgain[0] != 0 && load.outcome("book", 201) > bookedBefore) {
                recovered = Math.max(upAgain[0], System.currentTimeMillis());
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(2000); // a little load after recovery: no late 5xx either
        load.stop();
        loader.join();
        watching.set(false);
        watcher.join();

        long serverErrors = load.outcomes().entrySet().stream()
                .filter(e -> e.getKey().matches("\\w+ 5\\d\\d") && !e.getKey().endsWith(" 503"))
                .mapToLong(e -> e.getValue())
                .sum();
        double recoverySeconds = recovered == 0 ? -1 : (recovered - dbBack) / 1000.0;
        result.put("restartCommandExit", exit)
                .put("postgresDownForSeconds", (dbBack - restartAt) / 1000.0)
                .put("readinessTransitions", transitions.stream().map(t -> {
                    String[] p = t.split(" ");
                    return String.format("%+.1fs %s", (Long.parseLong(p[0]) - restartAt) / 1000.0, p[1]);
                }).toList())
                .put("recoverySecondsAfterPostgresBack", recoverySeconds)
                .put("limitSeconds", recoveryLimit)
                .put("loadOutcomes", load.outcomes())
                .put("serverErrorsOtherThan503", serverErrors);
        boolean passed = exit == 0
                && firstDown[0] != 0
                && upAgain[0] != 0
                && recovered != 0
                && recoverySeconds <= recoveryLimit
                && serverErrors == 0;
        result.finish(passed, Path.of(options.get("out", "bench/results/postgres-restart.json")));
    }
}
