package com.clinic.bench.drills;

import com.clinic.bench.support.Api;
import com.clinic.bench.support.Options;
import com.clinic.bench.support.Result;
import com.clinic.bench.support.SeedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * N different patients try to book the same slot at the same instant, each on its own connection.
 * PASS when exactly one gets 201, every other one gets 409 (so no 5xx: a burst once made the pool
 * run dry and some losers got 503), and the write side and the read model each hold exactly one
 * appointment in that slot.
 */
public final class SameSlotDrill {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int attempts = options.integer("attempts", 1000);
        Api api = new Api(options.get("base-url", "http://127.0.0.1:8080"));
        SeedData seed = SeedData.read(Path.of(options.get("seed-dir", "bench/results/seed")));
        Result result = new Result("same-slot").put("attempts", attempts);

        String[] doctor = seed.doctors().get(seed.doctors().size() - 1);
        String doctorId = doctor[0], branchId = doctor[1], typeId = doctor[3];
        String[] desk = seed.deskOf(branchId);
        String token = api.login(desk[0], desk[1]);
        List<String> patients = seed.patientsByBranch().get(branchId);
        if (patients.size() < attempts) {
            throw new IllegalStateException("only " + patients.size() + " patients at the branch");
        }
        // A slot far out in the horizon, where the load test rarely books.
        LocalDate day = LocalDate.now(ZoneId.of(doctor[6])).plusDays(45);
        JsonNode slots = api.ok("GET", "/api/v1/slots?doctorId=" + doctorId + "&branchId=" + branchId
                + "&appointmentTypeId=" + typeId + "&from=" + day + "&to=" + day.plusDays(7) + "&limit=50", token, null);
        JsonNode slot = slots.get("items").get(slots.get("items").size() / 2);
        String start = slot.get("startUtc").asString();
        result.put("doctorId", doctorId).put("slotStart", start);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> winners = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(attempts);
        CountDownLatch go = new CountDownLatch(1);
        long elapsed;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < attempts; i++) {
                String body = "{\"patientId\":\"" + patients.get(i) + "\",\"slot\":{\"doctorId\":\"" + doctorId
                        + "\",\"branchId\":\"" + branchId + "\",\"appointmentTypeId\":\"" + typeId + "\",\"start\":\""
                        + start + "\"}}";
                pool.submit(() -> {
                    Api own = new Api(api.baseUrl()); // its own connection
                    ready.countDown();
                    go.await();
                    Api.Response response = own.send("POST", "/api/v1/appointments", token, body);
                    statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (response.status() == 201) {
                        winners.add(response.body().get("appointmentId").asString());
                    }
                    return null;
                });
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            pool.shutdown();
            pool.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
            elapsed = (System.nanoTime() - t0) / 1_000_000;
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.get()));
        int serverErrors = byStatus.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
        result.put("byStatus", byStatus).put("serverErrors", serverErrors).put("elapsedMs", elapsed).put("winner", winners);

        long claims;
        long views;
        try (Connection db = DriverManager.getConnection(options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench"), "postgres", "")) {
            claims = count(db, "SELECT count(*) FROM slot_claim WHERE doctor_id = ?::uuid AND lower(period) = ?::timestamptz", doctorId, start);
            views = count(db, "SELECT count(*) FROM appointment_view WHERE doctor_id = ?::uuid AND start_at = ?::timestamptz "
                    + "AND status NOT IN ('CANCELLED', 'EXPIRED')", doctorId, start);
        }
        result.put("claimsInSlot", claims).put("appointmentsInSlotReadModel", views);
        boolean passed = serverErrors == 0
                && byStatus.getOrDefault(201, 0) == 1
                && byStatus.getOrDefault(409, 0) == attempts - 1
                && claims == 1
                && views == 1;
        result.finish(passed, Path.of(options.get("out", "bench/results/same-slot.json")));
    }

    private static long count(Connection db, String sql, String... params) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
