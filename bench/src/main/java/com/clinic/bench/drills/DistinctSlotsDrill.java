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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * N bookings of N different free slots (spread over the doctors) by N different patients, released
 * at the same instant, each on its own connection: a burst with no contention in the domain at all,
 * so every answer should be 201. PASS when all of them are and the write side holds one claim per
 * booked slot; a 5xx (the pool running dry during a burst, say) is the failure it is there to catch.
 */
public final class DistinctSlotsDrill {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        int attempts = options.integer("attempts", 1000);
        Api api = new Api(options.get("base-url", "http://127.0.0.1:8080"));
        SeedData seed = SeedData.read(Path.of(options.get("seed-dir", "bench/results/seed")));
        Result result = new Result("distinct-slots").put("attempts", attempts);

        Map<String, String> deskTokens = new HashMap<>();
        Map<String, List<String>> patientsByBranch = seed.patientsByBranch();
        Map<String, Integer> nextPatient = new HashMap<>();
        int perDoctor = Math.max(1, (attempts + seed.doctors().size() - 1) / seed.doctors().size());
        List<String> bodies = new ArrayList<>();
        List<String[]> booked = new ArrayList<>(); // doctor id, slot start
        List<String> tokens = new ArrayList<>();
        for (String[] doctor : seed.doctors()) {
            if (bodies.size() >= attempts) {
                break;
            }
            String doctorId = doctor[0], branchId = doctor[1], typeId = doctor[3];
            String token = deskTokens.computeIfAbsent(branchId, b -> {
                String[] desk = seed.deskOf(b);
                return api.login(desk[0], desk[1]);
            });
            // Two weeks ending before the same-slot drill's day (+45) and inside the booking horizon.
            LocalDate day = LocalDate.now(ZoneId.of(doctor[6])).plusDays(30);
            JsonNode slots = api.ok("GET", "/api/v1/slots?doctorId=" + doctorId + "&branchId=" + branchId
                    + "&appointmentTypeId=" + typeId + "&from=" + day + "&to=" + day.plusDays(14)
                    + "&limit=" + Math.min(200, perDoctor * 6), token, null);
            java.time.Instant free = java.time.Instant.MIN;
            int taken = 0;
            for (JsonNode slot : slots.get("items")) {
                if (bodies.size() >= attempts || taken == perDoctor) {
                    break;
                }
                // Listed starts overlap each other (and buffers follow an appointment): booking one
                // would take its neighbours, so keep half an hour clear after each chosen slot.
                if (java.time.Instant.parse(slot.get("startUtc").asString()).isBefore(free)) {
                    continue;
                }
                free = java.time.Instant.parse(slot.get("endUtc").asString()).plus(java.time.Duration.ofMinutes(30));
                taken++;
                List<String> patients = patientsByBranch.get(branchId);
                int index = nextPatient.merge(branchId, 1, Integer::sum) - 1;
                if (index >= patients.size()) {
                    break;
                }
                String start = slot.get("startUtc").asString();
                bodies.add("{\"patientId\":\"" + patients.get(patients.size() - 1 - index) + "\",\"slot\":{\"doctorId\":\""
                        + doctorId + "\",\"branchId\":\"" + branchId + "\",\"appointmentTypeId\":\"" + typeId
                        + "\",\"start\":\"" + start + "\"}}");
                booked.add(new String[] {doctorId, start});
                tokens.add(token);
            }
        }
        if (bodies.size() < attempts) {
            throw new IllegalStateException("found only " + bodies.size() + " free slots for " + attempts + " bookings");
        }

        Burst.Outcome outcome = Burst.post(api.baseUrl(), "/api/v1/appointments", tokens, bodies, response -> {});
        Map<Integer, Integer> byStatus = outcome.byStatus();
        result.put("byStatus", byStatus)
                .put("serverErrors", outcome.serverErrors())
                .put("clientErrors", outcome.clientErrors())
                .put("elapsedMs", outcome.elapsedMs());

        long slotsWithOneClaim = 0;
        try (Connection db = DriverManager.getConnection(
                        options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench"), "postgres", "");
                PreparedStatement claims = db.prepareStatement("SELECT count(*) FROM slot_claim WHERE doctor_id = ?::uuid "
                        + "AND lower(period) = ?::timestamptz")) {
            for (String[] slot : booked) {
                claims.setString(1, slot[0]);
                claims.setString(2, slot[1]);
                try (ResultSet rs = claims.executeQuery()) {
                    rs.next();
                    slotsWithOneClaim += rs.getLong(1) == 1 ? 1 : 0;
                }
            }
        }
        result.put("slotsWithOneClaim", slotsWithOneClaim);
        boolean passed = outcome.serverErrors() == 0 && byStatus.getOrDefault(201, 0) == attempts && slotsWithOneClaim == attempts;
        result.finish(passed, Path.of(options.get("out", "bench/results/distinct-slots.json")));
    }
}
