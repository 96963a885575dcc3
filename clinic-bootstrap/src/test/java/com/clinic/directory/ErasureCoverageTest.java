package com.clinic.directory;

import static com.clinic.scheduling.availability.AvailabilityTestData.awaitOk;
import static com.clinic.scheduling.availability.AvailabilityTestData.awaitSchedule;
import static com.clinic.scheduling.availability.AvailabilityTestData.everyDay;
import static com.clinic.scheduling.availability.AvailabilityTestData.newAppointmentType;
import static com.clinic.scheduling.availability.AvailabilityTestData.newDoctor;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static com.clinic.scheduling.availability.AvailabilityTestData.schedulePath;
import static com.clinic.scheduling.availability.AvailabilityTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.PersonalDataVault;
import com.clinic.platform.domain.Ciphertext;
import com.clinic.scheduling.availability.AvailabilityTestData;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure covers every copy of a person: a patient who signed up with a login, booked, joined the
 * waiting list and the walk-in queue erases themself; afterwards no column of any table holds one of
 * their identifiers in plain text, as a blind index, or in a form the application's keys still open,
 * their login is gone, and the logs never carried them at all.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErasureCoverageTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");
    private static final String PASSWORD = "Erasure-Passw0rd!2026";
    /** A column value in FieldCipher's {@code keyId:base64} form. */
    private static final String FIELD_CIPHERTEXT = "^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{16,}={0,2}$";
    /** Base64 strings long enough to be a sealed value, wherever they sit in a JSON payload. */
    private static final Pattern SEALED = Pattern.compile("[A-Za-z0-9+/]{24,}={0,2}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher fieldCipher;

    @Autowired
    PersonalDataVault vault;

    /** Everything that identifies the test's patient, as it was typed in and as it is stored. */
    record Person(
            String nameEn,
            String nameAr,
            String dateOfBirth,
            String nationalId,
            String phone,
            String email,
            String contactName,
            String contactPhone) {

        List<String> identifiers() {
            return List.of(nameEn, nameAr, dateOfBirth, nationalId, phone, email, contactName, contactPhone);
        }

        Map<String, Object> body() {
            Map<String, Object> patient = new LinkedHashMap<>();
            patient.put("nameAr", nameAr);
            patient.put("nameEn", nameEn);
            patient.put("dateOfBirth", dateOfBirth);
            patient.put("sex", "MALE");
            patient.put("nationalId", nationalId);
            patient.put("phone", phone);
            patient.put("email", email);
            patient.put("emergencyContactName", contactName);
            patient.put("emergencyContactPhone", contactPhone);
            patient.put("preferredLanguage", "en");
            patient.put(
                    "consents",
                    Map.of("treatment", true, "dataProcessing", true, "marketing", false, "reminders", true));
            return patient;
        }
    }

    @Test
    void nothingIdentifiesAnErasedPatientAnywhereAndTheirLoginIsGone(CapturedOutput output) {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        AvailabilityTestData.Site site = newSite(admin, ZONE.getId());
        UUID doctorId = newDoctor(api, admin, site, "cardiology").doctorId();
        UUID typeId = newAppointmentType(admin, site.clinicId(), 30, 1);
        String schedule = schedulePath(doctorId, site.branchId());
        Api.Response hours = admin.header("If-None-Match", "*").put(schedule, everyDay("08:00", "20:00"));
        assertThat(hours.status()).as(hours.toString()).isEqualTo(201);
        awaitSchedule(admin, schedule, hours.header("ETag").orElseThrow());

        Person person = newPerson();
        UUID patientId = signUp(api, site.branchId(), person);
        Sessions.Session byPhone = Sessions.login(api, person.phone(), PASSWORD);
        Sessions.Session byEmail = Sessions.login(api, person.email(), PASSWORD);
        UUID userId = byEmail.userId();
        Api self = api.as(byEmail.accessToken());
        awaitOk(self, "/api/v1/patients/me");
        // A failed sign-in leaves a throttle row under the login's blind index.
        assertThat(api.anonymous()
                        .post("/api/v1/auth/login", Map.of("login", person.phone(), "password", "Wrong-Passw0rd!1"))
                        .status())
                .isEqualTo(401);

        Api.Response booked = self.post(
                "/api/v1/appointments",
                Map.of(
                        "patientId",
                        patientId,
                        "slot",
                        Map.of(
                                "doctorId",
                                doctorId,
                                "branchId",
                                site.branchId(),
                                "appointmentTypeId",
                                typeId,
                                "start",
                                LocalDate.now(ZONE)
                                        .plusDays(3)
                                        .atTime(LocalTime.of(10, 0))
                                        .atZone(ZONE)
                                        .toInstant()
                                        .toString())));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        Map<String, Object> join = new LinkedHashMap<>();
        join.put("patientId", patientId);
        join.put("doctorId", doctorId);
        join.put("branchId", site.branchId());
        join.put("appointmentTypeId", typeId);
        join.put("from", LocalDate.now(ZONE).plusDays(1).toString());
        join.put("to", LocalDate.now(ZONE).plusDays(2).toString());
        Api.Response joined = admin.post("/api/v1/waitlist", join);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        Api.Response ticket = admin.post(
                "/api/v1/queues/" + doctorId + "/" + site.branchId() + "/tickets", Map.of("patientId", patientId));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
        UUID ticketId = UUID.fromString(ticket.json("ticketId").asString());
        Api.Response prioritised = admin.post(
                "/api/v1/queues/tickets/" + ticketId + "/prioritise",
                Map.of("priority", "EMERGENCY", "reason", "Chest pain, " + person.nameEn()));
        assertThat(prioritised.status()).as(prioritised.toString()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count("select count(*) from appointment_view where patient_id = ?", patientId))
                    .isOne();
            assertThat(count("select count(*) from waitlist_entry_view where patient_id = ?", patientId))
                    .isOne();
            assertThat(count(
                            "select count(*) from queue_board_ticket where patient_id = ? and priority_reason is not null",
                            patientId))
                    .isOne();
        });
        assertThat(occurrences(person))
                .as("the test must see the person before erasure")
                .isNotEmpty();

        Api.Response erased = self.post("/api/v1/patients/" + patientId + "/erase", null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/patients/" + patientId)
                        .json("erased")
                        .asBoolean())
                .isTrue());
        assertThat(occurrences(person)).isEmpty();
        assertThat(sealedValuesStillOpen(patientId)).isEmpty();

        Api.Response retried = admin.post("/api/v1/patients/" + patientId + "/erase", null);
        assertThat(retried.status())
                .as("a retried erasure succeeds: " + retried)
                .isEqualTo(204);
        assertThat(count(
                        "select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                        patientId.toString(),
                        "%PatientErased"))
                .as("the retry records no second erasure")
                .isOne();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        admin.get("/api/v1/users/" + userId).json("status").asString())
                .isEqualTo("ERASED"));

        Api.Response account = admin.get("/api/v1/users/" + userId);
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json("email").isNull()).as(account.toString()).isTrue();
        assertThat(account.json("phone").isNull()).as(account.toString()).isTrue();
        assertNoIdentifierIn(account.rawBody(), person);
        for (String page : patientAccountPages(admin)) {
            assertNoIdentifierIn(page, person);
        }
        for (String login : List.of(person.phone(), person.email())) {
            Api.Response attempt =
                    api.anonymous().post("/api/v1/auth/login", Map.of("login", login, "password", PASSWORD));
            assertThat(attempt.status()).as(login + ": " + attempt).isEqualTo(401);
        }
        assertThat(api.as(byPhone.accessToken()).get("/api/v1/patients/me").status())
                .as("sessions end with the erasure")
                .isEqualTo(401);
        assertThat(api.anonymous()
                        .post("/api/v1/auth/refresh", Map.of("refreshToken", byEmail.refreshToken()))
                        .status())
                .isEqualTo(401);
        assertThat(admin.post("/api/v1/users/" + userId + "/enable", null)
                        .json("code")
                        .asString())
                .isEqualTo("account.erased");

        assertNoIdentifierIn(output.getAll(), person);
    }

    /**
     * A restore from a backup taken before the erasure brings back the patient's key and login. The
     * ledger kept outside the backups names them, and re-applying it (erasing again) removes both.
     */
    @Test
    void reapplyingTheErasureLedgerAfterARestoreErasesAgain() {
        Api api = Api.on(port);
        Api admin = api.as(Sessions.admin(api));
        AvailabilityTestData.Site site = newSite(admin, ZONE.getId());
        Person person = newPerson();
        UUID patientId = signUp(api, site.branchId(), person);
        UUID userId = Sessions.login(api, person.email(), PASSWORD).userId();
        Map<String, Object> backedUpKey = jdbc.queryForMap("select * from subject_key where subject_id = ?", patientId);
        Map<String, Object> backedUpLogin = jdbc.queryForMap("select * from user_credential where user_id = ?", userId);

        assertThat(admin.post("/api/v1/patients/" + patientId + "/erase", null).status())
                .isEqualTo(204);
        List<UUID> ledger = jdbc.queryForList(
                "select subject_id from shredded_subject where subject_id = ?", UUID.class, patientId);
        restore(backedUpKey, backedUpLogin);
        assertThat(Sessions.login(api, person.phone(), PASSWORD).userId())
                .as("the restored backup lets the erased patient sign in again")
                .isEqualTo(userId);

        for (UUID erased : ledger) {
            assertThat(admin.post("/api/v1/patients/" + erased + "/erase", null).status())
                    .isEqualTo(204);
        }

        assertThat(count("select count(*) from subject_key where subject_id = ?", patientId))
                .isZero();
        assertThat(count("select count(*) from shredded_subject where subject_id = ?", patientId))
                .isOne();
        assertThat(jdbc.queryForMap(
                                "select email_encrypted, email_index, phone_encrypted, phone_index, password_hash"
                                        + " from user_credential where user_id = ?",
                                userId)
                        .values())
                .containsOnlyNulls();
        for (String login : List.of(person.phone(), person.email())) {
            assertThat(api.anonymous()
                            .post("/api/v1/auth/login", Map.of("login", login, "password", PASSWORD))
                            .status())
                    .isEqualTo(401);
        }
    }

    /** What restoring the older backup does to the rows that erasure changed (the events stay as they are). */
    private void restore(Map<String, Object> key, Map<String, Object> login) {
        jdbc.update(
                "insert into subject_key (subject_id, master_key_id, wrapped_key, created_at) values (?, ?, ?, ?)",
                key.get("subject_id"),
                key.get("master_key_id"),
                key.get("wrapped_key"),
                key.get("created_at"));
        jdbc.update("delete from shredded_subject where subject_id = ?", key.get("subject_id"));
        jdbc.update(
                "update user_credential set email_encrypted = ?, email_index = ?, phone_encrypted = ?,"
                        + " phone_index = ?, password_hash = ?, disabled = false, erased_at = null where user_id = ?",
                login.get("email_encrypted"),
                login.get("email_index"),
                login.get("phone_encrypted"),
                login.get("phone_index"),
                login.get("password_hash"),
                login.get("user_id"));
    }

    /** Where in the database an identifier of the person can still be found or read; empty when nowhere. */
    private List<String> occurrences(Person person) {
        List<String> found = new ArrayList<>();
        List<String> needles = new ArrayList<>(person.identifiers());
        needles.add(fieldCipher.blindIndex(person.phone()));
        needles.add(fieldCipher.blindIndex(person.email()));
        needles.add(fieldCipher.blindIndex(person.contactPhone()));
        for (Map<String, Object> column : jdbc.queryForList(
                """
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema()
                  and data_type in ('text', 'character varying', 'character', 'bytea', 'jsonb', 'json')
                order by table_name, column_name""")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            boolean bytes = "bytea".equals(column.get("data_type"));
            String value = bytes ? "\"" + name + "\"" : "\"" + name + "\"::text";
            for (String needle : needles) {
                String match = bytes
                        ? "position(convert_to(?, 'UTF8') in " + value + ") > 0"
                        : "position(? in " + value + ") > 0";
                long hits = jdbc.queryForObject(
                        "select count(*) from \"" + table + "\" where " + match, Long.class, needle);
                if (hits > 0) {
                    found.add(table + "." + name + " holds " + needle);
                }
            }
            if (!bytes) {
                for (String stored : jdbc.queryForList(
                        "select " + value + " from \"" + table + "\" where " + value + " ~ ?",
                        String.class,
                        FIELD_CIPHERTEXT)) {
                    decrypt(stored)
                            .filter(plain -> person.identifiers().stream().anyMatch(plain::contains))
                            .ifPresent(plain -> found.add(table + "." + name + " decrypts to " + plain));
                }
            }
        }
        return found;
    }

    private Optional<String> decrypt(String stored) {
        try {
            return Optional.of(fieldCipher.decrypt(stored));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    /** Sealed values in the events and read models about the patient that the vault can still open. */
    private List<String> sealedValuesStillOpen(UUID patientId) {
        List<String> texts = new ArrayList<>();
        texts.addAll(jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domainevententry where position(convert_to(?, 'UTF8') in payload) > 0",
                String.class,
                patientId.toString()));
        texts.addAll(jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from snapshotevententry"
                        + " where position(convert_to(?, 'UTF8') in payload) > 0",
                String.class,
                patientId.toString()));
        texts.addAll(jdbc.queryForList(
                "select priority_reason from queue_board_ticket where patient_id = ? and priority_reason is not null",
                String.class,
                patientId));
        List<String> open = new ArrayList<>();
        for (String text : texts) {
            Matcher sealed = SEALED.matcher(text);
            while (sealed.find()) {
                try {
                    vault.open(patientId, new Ciphertext(sealed.group()))
                            .ifPresent(plain -> open.add(sealed.group() + " opens to " + plain));
                } catch (RuntimeException notSealedForThisPatient) {
                    // Not a value sealed with the patient's key (or not sealed at all).
                }
            }
        }
        return open;
    }

    private static List<String> patientAccountPages(Api admin) {
        List<String> pages = new ArrayList<>();
        String path = "/api/v1/users?role=PATIENT&limit=200";
        while (path != null) {
            Api.Response page = admin.get(path);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page.rawBody());
            String cursor =
                    page.json("nextCursor").isNull() || page.json("nextCursor").isMissingNode()
                            ? null
                            : page.json("nextCursor").asString();
            path = cursor == null ? null : "/api/v1/users?role=PATIENT&limit=200&after=" + cursor;
        }
        return pages;
    }

    private static void assertNoIdentifierIn(String text, Person person) {
        for (String identifier : person.identifiers()) {
            assertThat(text).doesNotContain(identifier);
        }
    }

    /** The person registers themself with a login; answers their patient id. */
    private static UUID signUp(Api api, UUID branchId, Person person) {
        Api.Response registered = api.anonymous()
                .post(
                        "/api/v1/auth/register",
                        Map.of("homeBranchId", branchId, "patient", person.body(), "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return UUID.fromString(registered.json("patientId").asString());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static Person newPerson() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tag = unique();
        return new Person(
                "Erased Person " + tag,
                "مريض ممسوح " + tag,
                LocalDate.of(1940, 1, 1).plusDays(random.nextInt(20_000)).toString(),
                "1" + (100_000_000 + random.nextInt(899_999_999)),
                "+96655" + (1_000_000 + random.nextInt(8_999_999)),
                "erased." + tag + "@example.com",
                "Contact " + unique(),
                "+96656" + (1_000_000 + random.nextInt(8_999_999)));
    }
}
