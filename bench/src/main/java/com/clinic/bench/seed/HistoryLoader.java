package com.clinic.bench.seed;

import com.clinic.bench.support.Options;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a year of past appointments straight into the event store with COPY, as the events the
 * Appointment aggregate itself would have produced (booked, then checked in, started and completed;
 * or cancelled; or an automatic no-show), plus the write side's claim ledger rows. Run while the
 * server is stopped: the projections then build their read models from these events when it starts,
 * exactly as in a replay. Going through the API would take hours for a million appointments.
 */
public final class HistoryLoader {

    private static final String SYSTEM = "00000000-0000-0000-0000-000000000000";
    private static final String AGGREGATE = "AppointmentAggregate";
    private static final String EVENTS = "com.clinic.scheduling.domain.appointment.AppointmentEvent$";
    private static final HexFormat HEX = HexFormat.of();
    private static final int SLOT_MINUTES = 20;
    private static final int BLOCK_MINUTES = 25;
    private static final int CHUNK = 50_000;

    record Doctor(String id, String branchId, String clinicId, String typeId, ZoneId zone) {}

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path seed = Path.of(options.get("seed-dir", "bench/results/seed"));
        int appointments = options.integer("appointments", 1_000_000);
        String url = options.get("db-url", "jdbc:postgresql://127.0.0.1:5432/clinic_bench");
        new HistoryLoader().load(url, seed, appointments, options.integer("seed", 42));
    }

    void load(String url, Path seed, int total, int randomSeed) throws Exception {
        List<Doctor> doctors = new ArrayList<>();
        for (String line : rows(seed.resolve("doctors.csv"))) {
            String[] f = line.split(",");
            doctors.add(new Doctor(f[0], f[1], f[2], f[3], ZoneId.of(f[6])));
        }
        Map<String, List<String>> patientsByClinic = new HashMap<>();
        for (String line : rows(seed.resolve("patients.csv"))) {
            String[] f = line.split(",");
            patientsByClinic.computeIfAbsent(f[2], k -> new ArrayList<>()).add(f[0]);
        }
        SplittableRandom random = new SplittableRandom(randomSeed);
        long started = System.nanoTime();
        long events = 0;
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            Chunk chunk = new Chunk();
            int perDoctor = (total + doctors.size() - 1) / doctors.size();
            int written = 0;
            LocalDate yesterday = LocalDate.now().minusDays(1);
            for (Doctor doctor : doctors) {
                List<String> patients = patientsByClinic.get(doctor.clinicId());
                int forDoctor = Math.min(perDoctor, total - written);
                LocalDate day = yesterday;
                int made = 0;
                while (made < forDoctor) {
                    if (working(doctor.zone(), day)) {
                        for (LocalTime from : List.of(LocalTime.of(9, 0), LocalTime.of(16, 0))) {
                            for (int slot = 0; slot < 9 && made < forDoctor; slot++, made++) {
                                Instant start = day.atTime(from.plusMinutes((long) slot * BLOCK_MINUTES))
                                        .atZone(doctor.zone())
                                        .toInstant();
                                String patient = patients.get(random.nextInt(patients.size()));
                                events += chunk.appointment(doctor, patient, start, random);
                            }
                        }
                    }
                    day = day.minusDays(1);
                }
                written += forDoctor;
                if (chunk.appointments >= CHUNK) {
                    chunk.flush(copy);
                    chunk = new Chunk();
                    System.out.printf("history: %,d appointments, %,d events after %.1f s%n", written, events,
                            (System.nanoTime() - started) / 1e9);
                }
            }
            chunk.flush(copy);
            try (Statement statement = db.createStatement()) {
                statement.execute("ANALYZE domainevententry");
                statement.execute("ANALYZE slot_claim");
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM domainevententry")) {
                    rs.next();
                    System.out.printf("history: %,d appointments, %,d events written in %.1f s; the store holds %,d events%n",
                            written, events, (System.nanoTime() - started) / 1e9, rs.getLong(1));
                }
            }
        }
    }

    private static List<String> rows(Path csv) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    private static boolean working(ZoneId zone, LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return zone.getId().equals("Asia/Dubai")
                ? dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
                : dow != DayOfWeek.FRIDAY && dow != DayOfWeek.SATURDAY;
    }

    /** One COPY batch: event rows, claim rows and party rows as CSV. */
    private static final class Chunk {
        final StringBuilder events = new StringBuilder(1 << 24);
        final StringBuilder claims = new StringBuilder(1 << 20);
        final StringBuilder parties = new StringBuilder(1 << 20);
        int appointments;

        int appointment(Doctor doctor, String patient, Instant start, SplittableRandom random) {
            appointments++;
            String id = uuid(random, start);
            Instant end = start.plus(SLOT_MINUTES, ChronoUnit.MINUTES);
            Instant blockedEnd = start.plus(BLOCK_MINUTES, ChronoUnit.MINUTES);
            String slot = "{\"clinicId\":\"" + doctor.clinicId() + "\",\"branchId\":\"" + doctor.branchId()
                    + "\",\"doctorId\":\"" + doctor.id() + "\",\"appointmentTypeId\":\"" + doctor.typeId()
                    + "\",\"time\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"},\"blocked\":{\"start\":\""
                    + start + "\",\"end\":\"" + blockedEnd + "\"},\"virtual\":false,\"capacity\":1}";
            Instant bookedAt = start.minus(Duration.ofMinutes(60 + random.nextInt(14 * 24 * 60)));
            int seq = 0;
            event(id, seq++, "AppointmentBooked", bookedAt, "{\"appointmentId\":\"" + id + "\",\"patientId\":\"" + patient
                    + "\",\"slot\":" + slot + ",\"bookedBy\":\"" + SYSTEM + "\",\"seriesId\":null,\"at\":\"" + bookedAt + "\"}", random);
            parties.append(id).append(',').append(patient).append(',').append(doctor.id()).append(',')
                    .append(doctor.branchId()).append(',').append(doctor.clinicId()).append('\n');
            int outcome = random.nextInt(100);
            if (outcome < 12) {
                Instant at = start.minus(Duration.ofHours(2 + random.nextInt(48)));
                event(id, seq++, "AppointmentCancelled", at, "{\"appointmentId\":\"" + id + "\",\"slot\":" + slot
                        + ",\"reason\":\"PATIENT_REQUEST\",\"note\":\"\",\"late\":false,\"wasHold\":false,\"cancelledBy\":\""
                        + SYSTEM + "\",\"at\":\"" + at + "\"}", random);
                return seq;
            }
            claims.append(id).append(',').append(doctor.id()).append(',').append(doctor.branchId())
                    .append(",0,\"[").append(start).append(',').append(blockedEnd).append(")\"\n");
            if (outcome < 20) {
                Instant at = end.plus(Duration.ofMinutes(15));
                event(id, seq++, "AppointmentMarkedNoShow", at, "{\"appointmentId\":\"" + id + "\",\"patientId\":\""
                        + patient + "\",\"slot\":" + slot + ",\"automatic\":true,\"at\":\"" + at + "\"}", random);
                return seq;
            }
            Instant checkedIn = start.minus(Duration.ofMinutes(5 + random.nextInt(20)));
            Instant begun = start.plus(Duration.ofMinutes(random.nextInt(10)));
            Instant done = begun.plus(Duration.ofMinutes(12 + random.nextInt(10)));
            event(id, seq++, "PatientCheckedIn", checkedIn, "{\"appointmentId\":\"" + id + "\",\"patientId\":\"" + patient
                    + "\",\"slot\":" + slot + ",\"checkedInBy\":\"" + SYSTEM + "\",\"at\":\"" + checkedIn + "\"}", random);
            event(id, seq++, "ConsultationStarted", begun, "{\"appointmentId\":\"" + id + "\",\"slot\":" + slot
                    + ",\"at\":\"" + begun + "\"}", random);
            event(id, seq++, "AppointmentCompleted", done, "{\"appointmentId\":\"" + id + "\",\"slot\":" + slot
                    + ",\"consultationStartedAt\":\"" + begun + "\",\"at\":\"" + done + "\"}", random);
            return seq;
        }

        private void event(String aggregate, int seq, String type, Instant at, String payload, SplittableRandom random) {
            String correlation = new UUID(random.nextLong(), random.nextLong()).toString();
            String metadata = "{\"traceId\":\"" + correlation + "\",\"causationId\":\"" + correlation
                    + "\",\"correlationId\":\"" + correlation + "\",\"userId\":\"" + SYSTEM + "\",\"userRole\":\"ADMIN\"}";
            events.append(aggregate).append(',').append(seq).append(',').append(AGGREGATE).append(',')
                    .append(new UUID(random.nextLong(), random.nextLong())).append(",\\x")
                    .append(HEX.formatHex(metadata.getBytes(StandardCharsets.UTF_8))).append(",\\x")
                    .append(HEX.formatHex(payload.getBytes(StandardCharsets.UTF_8))).append(",,")
                    .append(EVENTS).append(type).append(',')
                    .append(at.truncatedTo(ChronoUnit.MILLIS)).append('\n');
        }

        void flush(CopyManager copy) throws Exception {
            copy.copyIn("COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                    + "payload, payloadrevision, payloadtype, timestamp) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(events.toString()));
            copy.copyIn("COPY slot_claim (appointment_id, doctor_id, branch_id, lane, period) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(claims.toString()));
            copy.copyIn("COPY appointment_party (appointment_id, patient_id, doctor_id, branch_id, clinic_id) "
                    + "FROM STDIN WITH (FORMAT csv)", new StringReader(parties.toString()));
        }

        /** Time-ordered like the server's ids (UUIDv7: 48-bit millisecond timestamp, version 7, variant 2). */
        private static String uuid(SplittableRandom random, Instant at) {
            long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
            long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb).toString();
        }
    }

}
