package com.clinic.bench.drills;

import com.clinic.bench.support.Api;
import com.clinic.bench.support.Options;
import com.clinic.bench.support.Result;
import com.clinic.bench.support.SeedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * kill -9 under load. {@code --phase load} books until the server dies under it (bench/drills/crash.sh
 * kills it), recording every 201. {@code --phase verify}, after the restart and catch-up: every
 * recorded booking is in the event store exactly once and in the read model, and nothing is
 * duplicated (no slot double-booked, no appointment claimed twice, one read-model row per booked
 * aggregate).
 */
public final class CrashDrill {

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path record = Path.of(options.get("record", "bench/results/crash-bookings.txt"));
        Path out = Path.of(options.get("out", "bench/results/crash.json"));
        if (options.get("phase", "load").equals("load")) {
            BookingLoad load = new BookingLoad(new Api(options.get("base-url", "http://127.0.0.1:8080")),
                    SeedData.read(Path.of(options.get("seed-dir", "bench/results/seed"))));
            load.run(options.integer("workers", 32), options.integer("seconds", 30) * 1000L, record);
            Files.writeString(Path.of(record + ".outcomes"), load.outcomes().toString());
            System.out.println("crash load: " + load.outcomes());
            return;
        }
        List<String> acknowledged = Files.readAllLines(record).stream().filter(l -> !l.isBlank()).toList();
        Result result = new Result("kill-9").put("acknowledgedBookings", acknowledged.size());
        Path outcomes = Path.of(record + ".outcomes");
        if (Files.exists(outcomes)) {
            result.put("loadOutcomes", Files.readString(outcomes));
        }
        try (Connection db = DriverManager.getConnection(options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench"), "postgres", "")) {
            Array ids = db.createArrayOf("varchar", acknowledged.toArray());
            Set<String> stored = new HashSet<>();
            long bookedEvents = 0;
            try (PreparedStatement s = db.prepareStatement("SELECT aggregateidentifier FROM domainevententry "
                    + "WHERE aggregateidentifier = ANY(?) AND payloadtype LIKE '%$AppointmentBooked'")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                        bookedEvents++;
                    }
                }
            }
            Set<String> viewed = new HashSet<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT appointment_id::text FROM appointment_view WHERE appointment_id::text = ANY(?)")) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        viewed.add(rs.getString(1));
                    }
                }
            }
            long missingFromStore = acknowledged.stream().filter(id -> !stored.contains(id)).count();
            long missingFromView = acknowledged.stream().filter(id -> !viewed.contains(id)).count();
            long doubleBooked = single(db, "SELECT count(*) FROM (SELECT doctor_id, start_at FROM appointment_view "
                    + "WHERE status NOT IN ('CANCELLED','EXPIRED') GROUP BY 1, 2 HAVING count(*) > 1) d");
            long doubleClaims = single(db, "SELECT count(*) FROM (SELECT appointment_id FROM slot_claim GROUP BY 1 HAVING count(*) > 1) d");
            long aggregates = single(db, "SELECT count(DISTINCT aggregateidentifier) FROM domainevententry WHERE type = 'AppointmentAggregate'");
            long views = single(db, "SELECT count(*) FROM appointment_view");
            result.put("bookedEventsForAcknowledged", bookedEvents)
                    .put("missingFromEventStore", missingFromStore)
                    .put("missingFromReadModel", missingFromView)
                    .put("doubleBookedSlots", doubleBooked)
                    .put("appointmentsClaimedTwice", doubleClaims)
                    .put("appointmentAggregates", aggregates)
                    .put("readModelRows", views);
            boolean passed = !acknowledged.isEmpty()
                    && missingFromStore == 0
                    && bookedEvents == acknowledged.size()
                    && missingFromView == 0
                    && doubleBooked == 0
                    && doubleClaims == 0
                    && aggregates == views;
            result.finish(passed, out);
        }
    }

    private static long single(Connection db, String sql) throws Exception {
        try (PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
