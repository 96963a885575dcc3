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

        List<String> winners = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            bodies.add("{\"patientId\":\"" + patients.get(i) + "\",\"slot\":{\"doctorId\":\"" + doctorId
                    + "\",\"branchId\":\"" + branchId + "\",\"appointmentTypeId\":\"" + typeId + "\",\"start\":\""
                    + start + "\"}}");
        }
        Burst.Outcome outcome = Burst.post(
                api.baseUrl(), "/api/v1/appointments", java.util.Collections.nCopies(attempts, token), bodies, response -> {
                    if (response.status() == 201) {
                        winners.add(response.body().get("appointmentId").asString());
                    }
                });
        Map<Integer, Integer> byStatus = outcome.byStatus();
        result.put("byStatus", byStatus)
                .put("serverErrors", outcome.serverErrors())
                .put("clientErrors", outcome.clientErrors())
                .put("elapsedMs", outcome.elapsedMs())
                .put("winner", winners);

        long claims;
        long views;
        try (Connection db = DriverManager.getConnection(options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench"), "postgres", "")) {
            claims = count(db, "SELECT count(*) FROM slot_claim WHERE doctor_id = ?::uuid AND lower(period) = ?::timestamptz", doctorId, start);
            views = count(db, "SELECT count(*) FROM appointment_view WHERE doctor_id = ?::uuid AND start_at = ?::timestamptz "
                    + "AND status NOT IN ('CANCELLED', 'EXPIRED')", doctorId, start);
        }
        result.put("claimsInSlot", claims).put("appointmentsInSlotReadModel", views);
        boolean passed = outcome.serverErrors() == 0
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
