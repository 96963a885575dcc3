package com.clinic.bench;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.*;
import io.gatling.javaapi.http.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A working day's traffic from patients' apps, front desks and doctors, at {@code bench.users}
 * concurrent users with 1-3 s of think time between actions. Per request the mix is about 50 % slot
 * search, 30 % agenda and queue reads, 15 % bookings and cancellations, 5 % logins (password or
 * refresh token, see {@link #signInAgain}). A booking answered
 * 409 (someone else got the slot first) is an expected outcome, not an error. After every 201 the
 * booking is read back at once: a 404 there would be projection lag visible to the client.
 */
public class ClinicSimulation extends Simulation {

    private static final String BASE = System.getProperty("bench.baseUrl", "http://127.0.0.1:8080");
    private static final Path SEED = Path.of(System.getProperty("bench.seedDir", "../bench/results/seed"));
    private static final int USERS = Integer.getInteger("bench.users", 1000);
    private static final Duration RAMP = Duration.ofSeconds(Integer.getInteger("bench.rampSeconds", 60));
    private static final Duration HOLD = Duration.ofSeconds(Integer.getInteger("bench.holdSeconds", 180));
    /** Every user stops at the same moment, so the hold phase really has all users active. */
    private static final long END = System.currentTimeMillis() + RAMP.plus(HOLD).toMillis();

    record Doctor(String id, String branchId, String typeId, String specialty, String email, ZoneId zone) {}

    private static final List<Doctor> DOCTORS = new ArrayList<>();
    private static final Map<String, List<Doctor>> DOCTORS_BY_BRANCH = new HashMap<>();
    private static final Map<String, List<String>> PATIENTS_BY_BRANCH = new HashMap<>();

    static {
        for (String[] f : rows("doctors.csv")) {
            Doctor doctor = new Doctor(f[0], f[1], f[3], f[4], f[5], ZoneId.of(f[6]));
            DOCTORS.add(doctor);
            DOCTORS_BY_BRANCH.computeIfAbsent(doctor.branchId(), k -> new ArrayList<>()).add(doctor);
        }
        for (String[] f : rows("patients.csv")) {
            PATIENTS_BY_BRANCH.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[0]);
        }
    }

    private static List<String[]> rows(String file) {
        try {
            List<String> lines = Files.readAllLines(SEED.resolve(file));
            return lines.subList(1, lines.size()).stream().map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    /** A random week within the booking horizon, as the branch's local dates. */
    private static Session window(Session session, ZoneId zone) {
        LocalDate from = LocalDate.now(zone).plusDays(1 + ThreadLocalRandom.current().nextInt(28));
        return session.set("from", from.toString()).set("to", from.plusDays(6).toString());
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .shareConnections()
            .disableCaching();

    /**
     * Every virtual user signs in from an address of its own (bench/run trusts the loopback proxy),
     * as real users do: the per-client sign-in budgets (ADR 0013) would otherwise see one client.
     */
    private static ChainBuilder login(String user) {
        return exec(http("login")
                .post("/api/v1/auth/login")
                .header("X-Forwarded-For", session -> "198.18." + (session.userId() / 250 % 250) + "."
                        + (1 + session.userId() % 250))
                .body(StringBody("{\"login\":\"#{login}\",\"password\":\"#{password}\"}"))
                .check(status().is(200), jsonPath("$.accessToken").saveAs("token"),
                        jsonPath("$.refreshToken").saveAs("refresh")));
    }

    /**
     * A signed-in app renews its session with the rotating refresh token; only now and then does a
     * user type the password again. Both count as logins in the mix (a quarter with the password).
     */
    private static ChainBuilder signInAgain(String user) {
        return randomSwitch()
                .on(
                        percent(25).then(login(user)),
                        percent(75).then(exec(http("login (refresh token)")
                                .post("/api/v1/auth/refresh")
                                .body(StringBody("{\"refreshToken\":\"#{refresh}\"}"))
                                .check(status().is(200), jsonPath("$.accessToken").saveAs("token"),
                                        jsonPath("$.refreshToken").saveAs("refresh")))));
    }

    private static HttpRequestActionBuilder authed(HttpRequestActionBuilder request) {
        return request.header("Authorization", "Bearer #{token}");
    }

    /** Remembers one of the returned slots for a later booking. */
    private static final CheckBuilder.Final SAVE_SLOTS =
            jsonPath("$.items[*]").ofMap().findAll().optional().saveAs("slots");

    private static Session pickSlot(Session session) {
        if (!session.contains("slots")) {
            return session.remove("slot");
        }
        List<Map<String, Object>> slots = session.getList("slots");
        if (slots.isEmpty()) {
            return session.remove("slot");
        }
        Map<String, Object> slot = any(slots);
        String json = "{\"doctorId\":\"" + slot.get("doctorId") + "\",\"branchId\":\"" + slot.get("branchId")
                + "\",\"appointmentTypeId\":\"" + session.getString("typeId") + "\",\"start\":\""
                + slot.get("startUtc") + "\"}";
        return session.set("slot", json).remove("slots");
    }

    private static ChainBuilder bookOrCancel(boolean forPatient) {
        return doIfOrElse(session -> session.contains("booked") && ThreadLocalRandom.current().nextBoolean())
                .then(exec(session -> {
                            List<String> booked = new ArrayList<>(session.getList("booked"));
                            String id = booked.remove(ThreadLocalRandom.current().nextInt(booked.size()));
                            Session next = session.set("cancel", id);
                            return booked.isEmpty() ? next.remove("booked") : next.set("booked", booked);
                        })
                        .exec(authed(http("cancel")
                                .post("/api/v1/appointments/#{cancel}/cancel")
                                .body(StringBody("{\"reason\":\"PATIENT_REQUEST\",\"note\":\"bench\"}"))
                                .check(status().in(204, 409)))))
                .orElse(exec(ClinicSimulation::pickSlot)
                        .doIf(session -> session.contains("slot"))
                        .then(exec(session -> forPatient
                                        ? session.set("bookingBody", "{\"slot\":" + session.getString("slot") + "}")
                                        : session.set("bookingBody", "{\"patientId\":\""
                                                + any(PATIENTS_BY_BRANCH.get(session.getString("branchId")))
                                                + "\",\"slot\":" + session.getString("slot") + "}"))
                                .exec(authed(http("book")
                                        .post("/api/v1/appointments")
                                        .body(StringBody("#{bookingBody}"))
                                        .check(status().in(201, 409).saveAs("bookStatus"),
                                                jsonPath("$.appointmentId").optional().saveAs("appointmentId"))))
                                .doIf(session -> session.getInt("bookStatus") == 201)
                                .then(exec(authed(http("read own booking")
                                                .get("/api/v1/appointments/#{appointmentId}")
                                                .check(status().is(200))))
                                        .exec(session -> {
                                            List<String> booked = session.contains("booked")
                                                    ? new ArrayList<>(session.getList("booked"))
                                                    : new ArrayList<>();
                                            booked.add(session.getString("appointmentId"));
                                            return session.set("booked", booked).remove("appointmentId");
                                        }))));
    }

    private static ChainBuilder slotSearch(boolean bySpecialty) {
        return exec(session -> {
                    Doctor doctor = bySpecialty
                            ? any(DOCTORS_BY_BRANCH.get(session.getString("branchId")))
                            : session.contains("doctorId")
                                    ? DOCTORS.stream().filter(d -> d.id().equals(session.getString("doctorId"))).findFirst().orElseThrow()
                                    : any(DOCTORS_BY_BRANCH.get(session.getString("branchId")));
                    Session next = window(session, doctor.zone()).set("typeId", doctor.typeId());
                    String filter = bySpecialty
                            ? "specialty=" + doctor.specialty() + "&branchId=" + doctor.branchId()
                            : "doctorId=" + doctor.id() + "&branchId=" + doctor.branchId();
                    return next.set("slotFilter", filter);
                })
                .exec(authed(http("slot search")
                        .get("/api/v1/slots?#{slotFilter}&appointmentTypeId=#{typeId}&from=#{from}&to=#{to}&limit=20")
                        .check(status().is(200), SAVE_SLOTS)));
    }

    private static ChainBuilder agendaAndQueue() {
        return exec(session -> {
                    Doctor doctor = session.contains("doctorId")
                            ? DOCTORS.stream().filter(d -> d.id().equals(session.getString("doctorId"))).findFirst().orElseThrow()
                            : any(DOCTORS_BY_BRANCH.get(session.getString("branchId")));
                    LocalDate day = LocalDate.now(doctor.zone()).plusDays(ThreadLocalRandom.current().nextInt(3));
                    return session.set("readDoctor", doctor.id()).set("day", day.toString());
                })
                .randomSwitch()
                .on(
                        percent(60).then(exec(authed(http("agenda")
                                .get("/api/v1/doctors/#{readDoctor}/agenda?branchId=#{branchId}&date=#{day}")
                                .check(status().is(200))))),
                        percent(40).then(exec(authed(http("queue board")
                                .get("/api/v1/queues/#{readDoctor}/#{branchId}/#{day}")
                                .check(status().is(200))))));
    }

    /**
     * The desk's list of what is still to collect, and cash for one of them (its whole outstanding
     * amount). Desks of one branch race for the same invoices: a 422 (already paid) or a 409 is an
     * expected answer.
     */
    private static ChainBuilder collectAtTheDesk() {
        return exec(authed(http("desk invoices")
                        .get("/api/v1/branches/#{branchId}/invoices?status=ISSUED&status=PARTLY_PAID&limit=20")
                        .check(
                                status().is(200),
                                jsonPath("$.items[*]").ofMap().findAll().optional().saveAs("unpaid"))))
                .doIf(session -> session.contains("unpaid"))
                .then(exec(session -> {
                            Map<String, Object> invoice = any(session.getList("unpaid"));
                            return session.set("payInvoice", invoice.get("invoiceId"))
                                    .set("payAmount", invoice.get("outstanding"))
                                    .set("payKey", java.util.UUID.randomUUID().toString())
                                    .remove("unpaid");
                        })
                        .exec(authed(http("cash payment")
                                .post("/api/v1/invoices/#{payInvoice}/payments")
                                .header("Idempotency-Key", "#{payKey}")
                                .body(StringBody("{\"method\":\"CASH\",\"amount\":\"#{payAmount}\"}"))
                                .check(status().in(201, 409, 422)))));
    }

    private static ChainBuilder thinking() {
        return pause(Duration.ofMillis(1000), Duration.ofMillis(3000));
    }

    private final ScenarioBuilder patients = scenario("patient app")
            .feed(csv(SEED.resolve("patient-accounts.csv").toString()).circular())
            .exec(login("patient"))
            .exec(thinking())
            .asLongAs(session -> System.currentTimeMillis() < END)
            .on(randomSwitch()
                    .on(
                            percent(55).then(slotSearch(true)),
                            percent(17).then(exec(authed(http("my appointments")
                                    .get("/api/v1/me/appointments?when=upcoming")
                                    .check(status().is(200))))),
                            percent(5).then(exec(authed(http("my invoices")
                                    .get("/api/v1/me/invoices")
                                    .check(status().is(200))))),
                            percent(17).then(bookOrCancel(true)),
                            percent(6).then(signInAgain("patient")))
                    .exec(thinking()));

    private final ScenarioBuilder desks = scenario("front desk")
            .feed(csv(SEED.resolve("desk.csv").toString()).circular())
            .exec(session -> session.set("login", session.getString("email")))
            .exec(login("desk"))
            .exec(thinking())
            .asLongAs(session -> System.currentTimeMillis() < END)
            .on(randomSwitch()
                    .on(
                            percent(30).then(slotSearch(false)),
                            percent(47).then(agendaAndQueue()),
                            percent(8).then(collectAtTheDesk()),
                            percent(10).then(bookOrCancel(false)),
                            percent(5).then(signInAgain("desk")))
                    .exec(thinking()));

    private final ScenarioBuilder doctors = scenario("doctor")
            .exec(session -> {
                Doctor doctor = any(DOCTORS);
                return session.set("login", doctor.email())
                        .set("password", "Bench-Staff-Passw0rd-2026")
                        .set("doctorId", doctor.id())
                        .set("branchId", doctor.branchId());
            })
            .exec(login("doctor"))
            .exec(thinking())
            .asLongAs(session -> System.currentTimeMillis() < END)
            .on(randomSwitch()
                    .on(
                            percent(70).then(agendaAndQueue()),
                            percent(25).then(slotSearch(false)),
                            percent(5).then(signInAgain("doctor")))
                    .exec(thinking()));

    {
        int doctorUsers = Math.max(1, USERS * 5 / 100);
        int deskUsers = Math.max(1, USERS * 25 / 100);
        int patientUsers = USERS - doctorUsers - deskUsers;
        setUp(
                        patients.injectOpen(rampUsers(patientUsers).during(RAMP)),
                        desks.injectOpen(rampUsers(deskUsers).during(RAMP)),
                        doctors.injectOpen(rampUsers(doctorUsers).during(RAMP)))
                .protocols(protocol)
                .maxDuration(RAMP.plus(HOLD).plusSeconds(30));
    }
}
