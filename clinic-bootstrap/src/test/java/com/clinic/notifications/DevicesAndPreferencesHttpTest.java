package com.clinic.notifications;

import static com.clinic.scheduling.availability.AvailabilityTestData.newPatient;
import static com.clinic.scheduling.availability.AvailabilityTestData.newSite;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.PushDevices;
import com.clinic.notifications.application.port.PushDevices.Device;
import com.clinic.notifications.application.port.RecipientPreferences;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.platform.domain.Role;
import com.clinic.scheduling.availability.AvailabilityTestData.Site;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user's own push devices and notification preferences over HTTP: what the app registers is what
 * the dispatcher finds, and preferences change only on the version the client read.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevicesAndPreferencesHttpTest {

    private static final String PREFERENCES = "/api/v1/me/notification-preferences";

    @LocalServerPort
    int port;

    @Autowired
    PushDevices devices;

    @Autowired
    RecipientPreferences stored;

    private Api api;
    private Api admin;
    private Site site;

    @BeforeAll
    void signIn() {
        api = Api.on(port);
        admin = api.as(Sessions.admin(api));
        site = newSite(admin, "Asia/Riyadh");
    }

    @Test
    void aPatientRegistersRefreshesAndRemovesTheirDevices() {
        Api patient = newPatient(api, site.branchId());
        UUID userId = userId(patient);

        assertThat(patient.put(device("pixel-8"), Map.of("token", "token-a", "platform", "android"))
                        .status())
                .isEqualTo(204);
        assertThat(patient.put(device("ipad"), Map.of("token", "token-b", "platform", "IOS"))
                        .status())
                .isEqualTo(204);
        assertThat(patient.put(device("pixel-8"), Map.of("token", "token-c", "platform", "ANDROID"))
                        .status())
                .isEqualTo(204);

        assertThat(devices.devicesOf(userId))
                .containsExactlyInAnyOrder(
                        new Device("pixel-8", "token-c", "ANDROID"), new Device("ipad", "token-b", "IOS"));

        assertThat(patient.delete(device("ipad")).status()).isEqualTo(204);
        assertProblem(patient.delete(device("ipad")), 404, "notification.device-not-found");
        assertThat(devices.devicesOf(userId)).containsExactly(new Device("pixel-8", "token-c", "ANDROID"));
    }

    @Test
    void aTokenRegisteredByAnotherAccountOnTheSamePhoneMovesToIt() {
        Api first = newPatient(api, site.branchId());
        Api staff = api.as(Sessions.staff(api, Role.RECEPTIONIST, site.clinicId(), site.branchId())
                .accessToken());
        String token = "shared-" + UUID.randomUUID();

        first.put(device("phone"), Map.of("token", token, "platform", "ANDROID"));
        staff.put(device("phone"), Map.of("token", token, "platform", "ANDROID"));

        assertThat(devices.devicesOf(userId(first))).isEmpty();
        assertThat(devices.devicesOf(userId(staff))).containsExactly(new Device("phone", token, "ANDROID"));
        assertProblem(first.delete(device("phone")), 404, "notification.device-not-found");
    }

    @Test
    void aDeviceRegistrationThatIsNotOneIsRefused() {
        Api patient = newPatient(api, site.branchId());

        assertProblem(patient.put(device("pixel"), Map.of("token", "t", "platform", "symbian")), 400, "validation");
        assertProblem(patient.put(device("pixel"), Map.of("platform", "ANDROID")), 400, "validation");
        assertProblem(patient.put(device("bad%20id"), Map.of("token", "t", "platform", "WEB")), 400, "validation");
        assertProblem(patient.put(device("pixel"), "{\"token\": \"t\", "), 400, "malformed-json");
        assertProblem(
                api.anonymous().put(device("pixel"), Map.of("token", "t", "platform", "WEB")), 401, "unauthorized");
    }

    @Test
    void preferencesRoundTripOnTheVersionTheClientRead() {
        Api patient = newPatient(api, site.branchId());
        UUID userId = userId(patient);

        Api.Response initial = patient.get(PREFERENCES);
        assertThat(initial.status()).as(initial.toString()).isEqualTo(200);
        assertThat(initial.header("ETag")).contains("\"0\"");
        assertThat(initial.json("channels").isEmpty()).isTrue();
        assertThat(initial.json("defaults").path("ACCOUNT")).isNotEmpty();
        assertThat(initial.json("quietHours").isNull()).isTrue();

        Map<String, Object> choice = Map.of(
                "channels", Map.of("REMINDERS", List.of("SMS", "PUSH"), "MARKETING", List.of()),
                "quietHours", Map.of("from", "22:00", "until", "07:00", "zone", "Asia/Riyadh"));
        Api.Response saved = patient.header("If-Match", "\"0\"").put(PREFERENCES, choice);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.header("ETag")).contains("\"1\"");
        assertThat(saved.json("channels").path("REMINDERS").get(0).asString()).isEqualTo("SMS");
        assertThat(saved.json("quietHours").path("zone").asString()).isEqualTo("Asia/Riyadh");
        var found = stored.find(userId).orElseThrow();
        assertThat(found.channels())
                .isEqualTo(
                        Map.of(Category.REMINDERS, List.of(Channel.SMS, Channel.PUSH), Category.MARKETING, List.of()));
        assertThat(found.quietHours())
                .contains(new RecipientPreferences.QuietWindow(
                        LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Riyadh")));
        assertThat(patient.get(PREFERENCES).json("version").asLong()).isEqualTo(1);

        Api.Response stale = patient.header("If-Match", "\"0\"").put(PREFERENCES, Map.of("channels", Map.of()));
        assertProblem(stale, 412, "stale-version");
        assertProblem(patient.put(PREFERENCES, Map.of("channels", Map.of())), 428, "precondition-required");
        Api.Response anyVersion = patient.header("If-Match", "*").put(PREFERENCES, Map.of("channels", Map.of()));
        assertThat(anyVersion.status()).as(anyVersion.toString()).isEqualTo(200);
        assertThat(anyVersion.header("ETag")).contains("\"2\"");
        assertThat(anyVersion.json("quietHours").isNull()).isTrue();
    }

    @Test
    void accountMessagesCannotBeSwitchedOffAndEveryOtherBadChoiceIsRefused() {
        Api patient = newPatient(api, site.branchId());
        Api any = patient.header("If-Match", "*");

        assertProblem(
                any.put(PREFERENCES, Map.of("channels", Map.of("ACCOUNT", List.of()))),
                422,
                "notification.account-always-sent");
        assertProblem(
                any.put(PREFERENCES, Map.of("channels", Map.of("OFFERS", List.of("SMS", "SMS")))),
                422,
                "notification.channels-invalid");
        assertProblem(
                any.put(
                        PREFERENCES,
                        Map.of("quietHours", Map.of("from", "22:00", "until", "07:00", "zone", "Mars/Olympus"))),
                422,
                "notification.quiet-hours-invalid");
        assertProblem(
                any.put(PREFERENCES, Map.of("quietHours", Map.of("from", "22:00", "until", "07:00", "zone", "+03:00"))),
                422,
                "notification.quiet-hours-invalid");
        assertThat(any.put(PREFERENCES, "{\"channels\": {\"REMINDERS\": [\"FAX\"]}}")
                        .status())
                .isEqualTo(400);
        assertThat(any.put(PREFERENCES, "{\"channels\": {\"NEWSLETTER\": [\"SMS\"]}}")
                        .status())
                .isEqualTo(400);
        assertProblem(any.put(PREFERENCES, "{\"channels\": {"), 400, "malformed-json");
        assertProblem(
                any.put(PREFERENCES, Map.of("quietHours", Map.of("from", "22:00", "zone", "Asia/Riyadh"))),
                400,
                "validation");
        assertThat(patient.get(PREFERENCES).json("version").asLong())
                .as("nothing refused was saved")
                .isZero();
    }

    private static String device(String deviceId) {
        return "/api/v1/me/devices/" + deviceId;
    }

    private static UUID userId(Api user) {
        return UUID.fromString(user.get("/api/v1/me").json("userId").asString());
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json("code").asString()).isEqualTo(code);
    }
}
