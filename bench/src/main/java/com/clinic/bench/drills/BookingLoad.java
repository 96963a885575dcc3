package com.clinic.bench.drills;

import com.clinic.bench.support.Api;
import com.clinic.bench.support.SeedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Front desks booking and reading agendas as fast as they can, for the drills. Every booking answered
 * 201 is appended (and flushed) to the record file before the next request, so a crash of the server
 * cannot lose the client's evidence. Connection failures are counted, not fatal: the server may be
 * killed or its database restarted while this runs.
 */
final class BookingLoad {

    private final Api api;
    private final SeedData seed;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, List<String>> patients;

    BookingLoad(Api api, SeedData seed) {
        this.api = api;
        this.seed = seed;
        this.patients = seed.patientsByBranch();
    }

    void stop() {
        stop.set(true);
    }

    /** Outcome counts: HTTP statuses by operation, and "io" for requests that never got an answer. */
    Map<String, Integer> outcomes() {
        Map<String, Integer> copy = new TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    int outcome(String operation, int status) {
        AtomicInteger n = outcomes.get(operation + " " + status);
        return n == null ? 0 : n.get();
    }

    /** Runs {@code workers} loops until {@link #stop()} or the duration ends. */
    void run(int workers, long millis, Path record) throws Exception {
        long end = System.currentTimeMillis() + millis;
        Files.createDirectories(record.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(record, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    while (!stop.get() && System.currentTimeMillis() < end) {
                        step(out);
                    }
                    return null;
                });
            }
        }
    }

    private void step(Writer out) {
        String[] doctor = seed.doctors().get(ThreadLocalRandom.current().nextInt(seed.doctors().size()));
        String doctorId = doctor[0], branchId = doctor[1], typeId = doctor[3];
        try {
            String token = tokens.computeIfAbsent(branchId, b -> {
                String[] desk = seed.deskOf(b);
                return api.login(desk[0], desk[1]);
            });
            LocalDate from = LocalDate.now(ZoneId.of(doctor[6])).plusDays(1 + ThreadLocalRandom.current().nextInt(50));
            Api.Response slots = api.send("GET", "/api/v1/slots?doctorId=" + doctorId + "&branchId=" + branchId
                    + "&appointmentTypeId=" + typeId + "&from=" + from + "&to=" + from.plusDays(3) + "&limit=30", token, null);
            count("search", slots.status());
            if (slots.status() != 200 || slots.body().get("items").isEmpty()) {
                return;
            }
            JsonNode items = slots.body().get("items");
            JsonNode slot = items.get(ThreadLocalRandom.current().nextInt(items.size()));
            List<String> branchPatients = patients.get(branchId);
            String patient = branchPatients.get(ThreadLocalRandom.current().nextInt(branchPatients.size()));
            Map<String, Object> body = new HashMap<>();
            body.put("patientId", patient);
            body.put("slot", Map.of("doctorId", doctorId, "branchId", branchId, "appointmentTypeId", typeId,
                    "start", slot.get("startUtc").asString()));
            Api.Response booked = api.send("POST", "/api/v1/appointments", token, body);
            count("book", booked.status());
            if (booked.status() == 201) {
                synchronized (out) {
                    out.write(booked.body().get("appointmentId").asString() + "\n");
                    out.flush();
                }
            }
            if (booked.status() == 401) {
                tokens.remove(branchId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            outcomes.computeIfAbsent("io", k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(50); // the server is down: do not spin
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void count(String operation, int status) {
        outcomes.computeIfAbsent(operation + " " + status, k -> new AtomicInteger()).incrementAndGet();
    }
}
