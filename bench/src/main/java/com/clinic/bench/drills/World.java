package com.clinic.bench.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The real resources the drill aims at, created through the public API the way a clinic would:
 * a clinic with two branches, two doctors with schedules, an appointment type, patients, booked
 * appointments, walk-in tickets, a waiting-list entry, time off, an extra session, a holiday, and
 * signed-in users of every role.
 *
 * <p>Destructive operations (disable a user, change a role, erase a patient) get spare victims, so
 * that the sessions the drill relies on stay valid for the whole run.
 */
final class World implements OpenApi.Values {

    static final List<String> ROLES = List.of("ADMIN", "MANAGER", "DOCTOR", "RECEPTIONIST", "AUDITOR", "PATIENT");

    record Session(
            String role,
            String login,
            String password,
            String accessToken,
            String refreshToken,
            Instant at,
            String userId) {}

    record Reply(int status, JsonNode body, String raw, HttpResponse<String> response) {
        String text(String field) {
            return body.path(field).asString("");
        }
    }

    private final JsonMapper json;
    private final HttpClient http;
    private final String baseUrl;
    /** The drill's own sign-ins come from a per-run address, so the sign-in throttle its own fuzzing trips never locks it out. */
    private final String clientAddress;

    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Map<String, List<String>> ids = new LinkedHashMap<>();
    final List<String> slotStarts = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final Map<String, String> readBack = new LinkedHashMap<>();

    World(JsonMapper json, HttpClient http, String baseUrl) {
        this.json = json;
        this.http = http;
        this.baseUrl = baseUrl;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.clientAddress = "198.18." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    String clientAddress() {
        return clientAddress;
    }

    /** Distinguishes this run's idempotency keys from an earlier run's against the same database. */
    String runTag() {
        return clientAddress.replace('.', '-');
    }

    String token(String role) {
        Session s = sessions.get(role);
        return s == null ? null : s.accessToken();
    }

    Session session(String role) {
        return sessions.get(role);
    }

    // ------------------------------------------------------------------------------------------
    // OpenApi.Values: which real value a parameter or field of that name gets
    // ------------------------------------------------------------------------------------------

    @Override
    public String real(String name, Random random) {
        String key =
                switch (name) {
                    case "homeBranchId", "branchIds" -> "branchId";
                    case "toDoctorId" -> "otherDoctorId";
                    case "id" -> "aggregateId";
                    case "type" -> "aggregateType";
                    default -> name;
                };
        List<String> values = ids.get(key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.get(random.nextInt(values.size()));
    }

    @Override
    public String slotStart(Random random) {
        if (!slotStarts.isEmpty() && random.nextInt(4) != 0) {
            return slotStarts.get(random.nextInt(slotStarts.size()));
        }
        return Instant.now()
                .plus(Duration.ofDays(1 + random.nextInt(10)))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .toString();
    }

    private void add(String key, String value) {
        if (value != null && !value.isBlank()) {
            ids.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Setup
    // ------------------------------------------------------------------------------------------

    void build(String adminEmail, String adminPassword) {
        Session admin = login("ADMIN", adminEmail, adminPassword);
        if (admin == null) {
            throw new IllegalStateException("the administrator cannot sign in as " + adminEmail);
        }
        String a = admin.accessToken();
        String tag = Long.toString(System.currentTimeMillis(), 36);
        List<String> allDays = List.of("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");

        String clinic = expect(
                        "clinic",
                        call(
                                a,
                                "POST",
                                "/api/v1/clinics",
                                Map.of(
                                        "nameAr",
                                                "\u0639\u064A\u0627\u062F\u0627\u062A \u0627\u0644\u0627\u062E\u062A\u0628\u0627\u0631",
                                        "nameEn", "Hostile input drill " + tag,
                                        "address", "1 Drill St, Riyadh",
                                        "phone", "+966112345678",
                                        "timeZone", "Asia/Riyadh",
                                        "currency", "SAR",
                                        "workingDays", allDays)))
                .text("id");
        add("clinicId", clinic);
        ZoneId zone = ZoneId.of("Asia/Riyadh");
        LocalDate today = LocalDate.now(zone);
        List<String> branches = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String branch = expect(
                            "branch",
                            call(
                                    a,
                                    "POST",
                                    "/api/v1/clinics/" + clinic + "/branches",
                                    Map.of(
                                            "nameAr", "\u0641\u0631\u0639 " + i,
                                            "nameEn", "Drill branch " + i,
                                            "address", i + " Olaya St, Riyadh",
                                            "phone", "+96611234567" + i,
                                            "timeZone", "Asia/Riyadh",
                                            "workingDays", allDays)))
                    .text("id");
            branches.add(branch);
            add("branchId", branch);
        }
        String branch = branches.get(0);

        // Staff of every role, and two doctors with profiles.
        List<String> doctors = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            Session doctor = staff(a, "DOCTOR", clinic, branch, tag + "-" + i);
            if (doctor == null) {
                continue;
            }
            if (i == 1) {
                sessions.put("DOCTOR", doctor);
            }
            Reply profile = call(
                    a,
                    "POST",
                    "/api/v1/doctors",
                    Map.of(
                            "userId", doctor.userId(),
                            "clinicId", clinic,
                            "profile",
                                    Map.of(
                                            "nameAr",
                                            "\u062F. \u0627\u062E\u062A\u0628\u0627\u0631 " + i,
                                            "nameEn",
                                            "Dr. Drill " + i,
                                            "branchIds",
                                            branches,
                                            "specialties",
                                            List.of("cardiology"),
                                            "languages",
                                            List.of("ar", "en"),
                                            "fees",
                                            List.of(Map.of("branchId", branch, "amount", 300, "currency", "SAR")),
                                            "bioAr",
                                            "\u0637\u0628\u064A\u0628",
                                            "bioEn",
                                            "Doctor")));
            String doctorId = expect("doctor profile", profile).text("id");
            doctors.add(doctorId);
        }
        if (!doctors.isEmpty()) {
            add("doctorId", doctors.get(0));
            add("otherDoctorId", doctors.get(doctors.size() - 1));
        }
        for (String role : List.of("MANAGER", "RECEPTIONIST", "AUDITOR")) {
            Session s = staff(a, role, clinic, branch, tag);
            if (s != null) {
                sessions.put(role, s);
            }
        }
        // Victims for disable / role change / enable: never the drill's own sessions.
        for (int i = 0; i < 2; i++) {
            Reply invite = call(
                    a,
                    "POST",
                    "/api/v1/users",
                    Map.of(
                            "email",
                            "victim." + i + "." + tag + "@example.com",
                            "role",
                            "RECEPTIONIST",
                            "clinicId",
                            clinic,
                            "branchId",
                            branch));
            add("userId", expect("victim user", invite).text("userId"));
        }

        // A self-registered patient who signs in, and a victim patient for erasure.
        String phone = "+96650"
                + String.format(Locale.ROOT, "%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String patientPassword = "Patient-Passw0rd-" + tag;
        Reply registered = call(
                null,
                "POST",
                "/api/v1/auth/register",
                Map.of(
                        "homeBranchId", branch,
                        "password", patientPassword,
                        "patient",
                                Map.of(
                                        "nameAr", "\u0645\u0631\u064A\u0636 \u0627\u062E\u062A\u0628\u0627\u0631",
                                        "nameEn", "Drill Patient",
                                        "dateOfBirth", "1990-04-12",
                                        "sex", "FEMALE",
                                        "nationalId",
                                                "1"
                                                        + String.format(
                                                                Locale.ROOT,
                                                                "%09d",
                                                                ThreadLocalRandom.current()
                                                                        .nextInt(1_000_000_000)),
                                        "phone", phone,
                                        "email", "patient." + tag + "@example.com",
                                        "preferredLanguage", "ar",
                                        "consents",
                                                Map.of(
                                                        "treatment",
                                                        true,
                                                        "dataProcessing",
                                                        true,
                                                        "marketing",
                                                        false,
                                                        "reminders",
                                                        true))));
        String patient = expect("patient registration", registered).text("patientId");
        add("patientId", patient);
        Session patientSession = login("PATIENT", phone, patientPassword);
        if (patientSession != null) {
            sessions.put("PATIENT", patientSession);
        }
        Reply victimPatient = call(
                a,
                "POST",
                "/api/v1/patients",
                Map.of(
                        "homeBranchId",
                        branch,
                        "patient",
                        Map.of(
                                "nameAr", "\u0636\u062D\u064A\u0629",
                                "nameEn", "Victim Patient",
                                "dateOfBirth", "1980-01-01",
                                "sex", "MALE",
                                "nationalId",
                                        "2"
                                                + String.format(
                                                        Locale.ROOT,
                                                        "%09d",
                                                        ThreadLocalRandom.current()
                                                                .nextInt(1_000_000_000)),
                                "phone",
                                        "+96650"
                                                + String.format(
                                                        Locale.ROOT,
                                                        "%07d",
                                                        ThreadLocalRandom.current()
                                                                .nextInt(10_000_000)))));
        add("victimPatientId", expect("victim patient", victimPatient).text("id"));

        // Scheduling: an appointment type, a week of working hours, slots, bookings.
        Reply type = call(
                a,
                "POST",
                "/api/v1/appointment-types",
                Map.ofEntries(
                        Map.entry("clinicId", clinic),
                        Map.entry("nameAr", "\u0643\u0634\u0641"),
                        Map.entry("nameEn", "Drill visit"),
                        Map.entry("durationMinutes", 20),
                        Map.entry("bufferAfterMinutes", 5),
                        Map.entry("minimumNoticeMinutes", 0),
                        Map.entry("horizonDays", 60),
                        Map.entry("capacity", 1),
                        Map.entry("virtual", false),
                        Map.entry("price", 300),
                        Map.entry("currency", "SAR")));
        String typeId = expect("appointment type", type).text("appointmentTypeId");
        add("appointmentTypeId", typeId);
        List<Map<String, String>> intervals = new ArrayList<>();
        for (String day : allDays) {
            intervals.add(Map.of("day", day, "start", "08:00", "end", "20:00"));
        }
        Map<String, Object> week = Map.of(
                "workingHours",
                List.of(Map.of("effectiveFrom", today.minusDays(1).toString(), "intervals", intervals)));
        for (String doctor : doctors) {
            for (String b : branches) {
                expect(
                        "schedule",
                        call(
                                a,
                                "PUT",
                                "/api/v1/doctors/" + doctor + "/branches/" + b + "/schedule",
                                week,
                                "If-None-Match",
                                "*"));
            }
        }
        if (!doctors.isEmpty()) {
            String doctor = doctors.get(0);
            Reply slots = call(
                    a,
                    "GET",
                    "/api/v1/slots?doctorId=" + doctor + "&branchId=" + branch
                            + "&appointmentTypeId=" + typeId + "&from=" + today.plusDays(2) + "&to=" + today.plusDays(9)
                            + "&limit=40",
                    null);
            for (JsonNode slot : expect("slots", slots).body().path("items").values()) {
                slotStarts.add(slot.path("startUtc").asString());
            }
            if (slotStarts.size() >= 4) {
                Map<String, Object> first = slot(doctor, branch, typeId, slotStarts.remove(0));
                Reply hold = call(token("PATIENT"), "POST", "/api/v1/appointments/holds", Map.of("slot", first));
                String held = expect("hold", hold).text("appointmentId");
                add("appointmentId", held);
                expect("confirm", call(token("PATIENT"), "POST", "/api/v1/appointments/" + held + "/confirm", null));
                Reply booked = call(
                        a,
                        "POST",
                        "/api/v1/appointments",
                        Map.of(
                                "patientId",
                                patient,
                                "slot",
                                slot(doctor, branch, typeId, slotStarts.remove(slotStarts.size() / 2))));
                add("appointmentId", expect("booking", booked).text("appointmentId"));
            } else {
                warnings.add("fewer than 4 free slots found; appointments not created");
            }
            String scheduleBase = "/api/v1/doctors/" + doctor + "/branches/" + branch + "/schedule";
            Instant offStart = Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            Reply off = call(
                    a,
                    "POST",
                    scheduleBase + "/time-off",
                    Map.of(
                            "start",
                            offStart.toString(),
                            "end",
                            offStart.plus(Duration.ofHours(3)).toString()));
            add("timeOffId", expect("time off", off).text("id"));
            Reply extra = call(
                    a,
                    "POST",
                    scheduleBase + "/extra-sessions",
                    Map.of(
                            "start", offStart.plus(Duration.ofDays(1)).toString(),
                            "end",
                                    offStart.plus(Duration.ofDays(1))
                                            .plus(Duration.ofHours(2))
                                            .toString()));
            add("sessionId", expect("extra session", extra).text("id"));

            // Walk-in tickets at today's queue, by reception.
            for (int i = 0; i < 3; i++) {
                Reply ticket = call(
                        token("RECEPTIONIST"),
                        "POST",
                        "/api/v1/queues/" + doctor + "/" + branch + "/tickets",
                        Map.of());
                add("ticketId", expect("walk-in ticket", ticket).text("ticketId"));
            }
            // The patient on the waiting list.
            Reply entry = call(
                    token("PATIENT"),
                    "POST",
                    "/api/v1/waitlist",
                    Map.of(
                            "doctorId", doctor,
                            "branchId", branch,
                            "appointmentTypeId", typeId,
                            "from", today.plusDays(1).toString(),
                            "to", today.plusDays(20).toString()));
            add("entryId", expect("waiting list entry", entry).text("entryId"));
        }
        LocalDate holiday = today.plusDays(45);
        expect(
                "holiday",
                call(
                        a,
                        "POST",
                        "/api/v1/branches/" + branch + "/holidays",
                        Map.of(
                                "date",
                                holiday.toString(),
                                "nameAr",
                                "\u0639\u0637\u0644\u0629",
                                "nameEn",
                                "Drill holiday")));
        add("date", holiday.toString());
        add("date", today.toString());
        Reply notifications = call(token("PATIENT"), "GET", "/api/v1/me/notifications", null);
        for (JsonNode n : notifications.body().path("items").values()) {
            String id = n.path("id").asString(n.path("notificationId").asString(""));
            add("notificationId", id);
        }
        add("aggregateType", "clinic");
        add("aggregateType", "patient");
        add("aggregateType", "appointment");
        add("aggregateId", clinic);
        add("aggregateId", patient);
        ids.getOrDefault("appointmentId", List.of()).forEach(id -> add("aggregateId", id));

        readBack.put("/api/v1/clinics/" + clinic, "clinic");
        readBack.put("/api/v1/clinics/" + clinic + "/branches/" + branch, "branch");
        doctors.forEach(d -> readBack.put("/api/v1/doctors/" + d, "doctor"));
        readBack.put("/api/v1/patients/" + patient, "patient");
        readBack.put("/api/v1/appointment-types/" + typeId, "appointment type");
        ids.getOrDefault("appointmentId", List.of())
                .forEach(id -> readBack.put("/api/v1/appointments/" + id, "appointment"));
        ids.getOrDefault("ticketId", List.of()).forEach(id -> readBack.put("/api/v1/queues/tickets/" + id, "ticket"));
    }

    private static Map<String, Object> slot(String doctor, String branch, String type, String start) {
        return Map.of("doctorId", doctor, "branchId", branch, "appointmentTypeId", type, "start", start);
    }

    /** Invites, activates and signs in a staff member. */
    private Session staff(String adminToken, String role, String clinic, String branch, String tag) {
        String email = role.toLowerCase(Locale.ROOT) + "." + tag + "."
                + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Map<String, Object> invite = new LinkedHashMap<>();
        invite.put("email", email);
        invite.put("role", role);
        if (!role.equals("AUDITOR")) {
            invite.put("clinicId", clinic);
        }
        if (role.equals("DOCTOR") || role.equals("RECEPTIONIST")) {
            invite.put("branchId", branch);
        }
        Reply created = call(adminToken, "POST", "/api/v1/users", invite);
        if (created.status() / 100 != 2) {
            warnings.add("invite " + role + ": " + created.status() + " " + snippet(created.raw()));
            return null;
        }
        String password = "Staff-Passw0rd-" + tag;
        Reply activated = call(
                null,
                "POST",
                "/api/v1/auth/activate",
                Map.of("token", created.text("activationToken"), "password", password));
        if (activated.status() / 100 != 2) {
            warnings.add("activate " + role + ": " + activated.status() + " " + snippet(activated.raw()));
            return null;
        }
        return login(role, email, password);
    }

    Session login(String role, String login, String password) {
        Reply reply = call(null, "POST", "/api/v1/auth/login", Map.of("login", login, "password", password));
        if (reply.status() != 200) {
            warnings.add("login " + role + ": " + reply.status() + " " + snippet(reply.raw()));
            return null;
        }
        String access = reply.text("accessToken");
        String userId = call(access, "GET", "/api/v1/me", null).text("userId");
        Session s = new Session(role, login, password, access, reply.text("refreshToken"), Instant.now(), userId);
        sessions.putIfAbsent(role, s);
        return s;
    }

    /** New access tokens for every session (the access token lives 10 minutes by default). */
    void renew() {
        for (Map.Entry<String, Session> e : sessions.entrySet()) {
            Session s = e.getValue();
            Reply reply = call(null, "POST", "/api/v1/auth/refresh", Map.of("refreshToken", s.refreshToken()));
            if (reply.status() == 200) {
                e.setValue(new Session(
                        s.role(),
                        s.login(),
                        s.password(),
                        reply.text("accessToken"),
                        reply.text("refreshToken"),
                        Instant.now(),
                        s.userId()));
            } else {
                warnings.add("token renewal for " + s.role() + ": " + reply.status());
            }
        }
    }

    private Reply expect(String what, Reply reply) {
        if (reply.status() / 100 != 2) {
            warnings.add(what + ": " + reply.status() + " " + snippet(reply.raw()));
        }
        return reply;
    }

    Reply call(String token, String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed;
            try {
                parsed = response.body().isBlank() ? MissingNode.getInstance() : json.readTree(response.body());
            } catch (RuntimeException notJson) {
                parsed = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), parsed, response.body(), response);
        } catch (IOException e) {
            return new Reply(0, MissingNode.getInstance(), e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, MissingNode.getInstance(), "interrupted", null);
        }
    }

    static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
