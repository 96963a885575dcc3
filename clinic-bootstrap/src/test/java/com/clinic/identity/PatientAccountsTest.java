package com.clinic.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.identity.UserAccounts.PatientSignUp;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.domain.Role;
import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The contract other contexts use: {@link UserAccounts}. */
@IntegrationTest
class PatientAccountsTest {

    private static final String PASSWORD = "Patient-Passw0rd!";

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aRegisteredPatientIsActiveAndSignsInByEmailOrPhone() {
        UUID userId = UUID.randomUUID();
        String email = "Pat-" + userId + "@Clinic.Test";
        String phone = randomPhone();

        userAccounts.registerPatient(new PatientSignUp(userId, Optional.of(email), Optional.of(phone), PASSWORD, "ar"));

        assertThat(userAccounts.find(userId))
                .contains(new UserAccounts.AccountSummary(
                        userId, Role.PATIENT, true, Optional.empty(), Optional.empty()));
        Api api = Api.on(port);
        assertThat(Sessions.login(api, email.toLowerCase(), PASSWORD).userId()).isEqualTo(userId);
        assertThat(Sessions.login(api, phone, PASSWORD).userId()).isEqualTo(userId);
        Api.Response me =
                api.as(Sessions.login(api, phone, PASSWORD).accessToken()).get("/api/v1/me");
        assertThat(me.json("role").asString()).isEqualTo("PATIENT");
        assertThat(me.json("clinicId").isNull()).isTrue();
    }

    @Test
    void aTakenEmailOrPhoneIsRefused() {
        String email = "dup-" + UUID.randomUUID() + "@clinic.test";
        String phone = randomPhone();
        userAccounts.registerPatient(
                new PatientSignUp(UUID.randomUUID(), Optional.of(email), Optional.of(phone), PASSWORD, "en"));

        assertThatThrownBy(() -> userAccounts.registerPatient(
                        new PatientSignUp(UUID.randomUUID(), Optional.of(email), Optional.empty(), PASSWORD, "en")))
                .isInstanceOfSatisfying(
                        Rejection.Conflict.class, c -> assertThat(c.code()).isEqualTo("account.identifier-taken"));
        assertThatThrownBy(() -> userAccounts.registerPatient(
                        new PatientSignUp(UUID.randomUUID(), Optional.empty(), Optional.of(phone), PASSWORD, "en")))
                .isInstanceOf(Rejection.Conflict.class);
    }

    @Test
    void theCallersTransactionDecidesWhetherTheAccountExists() {
        UUID userId = UUID.randomUUID();
        String email = "rollback-" + userId + "@clinic.test";

        transactions.executeWithoutResult(status -> {
            userAccounts.registerPatient(
                    new PatientSignUp(userId, Optional.of(email), Optional.empty(), PASSWORD, "en"));
            status.setRollbackOnly();
        });

        assertThat(userAccounts.find(userId)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domainevententry where aggregateidentifier = ?",
                        Integer.class,
                        userId.toString()))
                .isZero();
        userAccounts.registerPatient(
                new PatientSignUp(UUID.randomUUID(), Optional.of(email), Optional.empty(), PASSWORD, "en"));
    }

    @Test
    void badSignUpsAreRuleViolations() {
        assertThatThrownBy(() -> userAccounts.registerPatient(
                        new PatientSignUp(UUID.randomUUID(), Optional.empty(), Optional.empty(), PASSWORD, "en")))
                .isInstanceOfSatisfying(
                        Rejection.RuleViolated.class, r -> assertThat(r.code()).isEqualTo("account.login-required"));
        assertThatThrownBy(() -> userAccounts.registerPatient(new PatientSignUp(
                        UUID.randomUUID(),
                        Optional.of("weak-" + UUID.randomUUID() + "@clinic.test"),
                        Optional.empty(),
                        "short1",
                        "en")))
                .isInstanceOfSatisfying(
                        Rejection.RuleViolated.class, r -> assertThat(r.code()).isEqualTo("account.password-too-weak"));
        assertThatThrownBy(() -> userAccounts.registerPatient(new PatientSignUp(
                        UUID.randomUUID(), Optional.empty(), Optional.of("07701234567"), PASSWORD, "en")))
                .isInstanceOfSatisfying(
                        Rejection.RuleViolated.class, r -> assertThat(r.code()).isEqualTo("account.phone-invalid"));
    }

    @Test
    void emailsAndPhonesAreEncryptedAtRestAndAbsentFromEvents() {
        UUID userId = UUID.randomUUID();
        String email = "secret-" + userId + "@clinic.test";
        String phone = randomPhone();
        userAccounts.registerPatient(new PatientSignUp(userId, Optional.of(email), Optional.of(phone), PASSWORD, "en"));

        Map<String, Object> row = jdbc.queryForMap("select * from user_credential where user_id = ?", userId);
        for (String column :
                List.of("email_encrypted", "email_index", "phone_encrypted", "phone_index", "password_hash")) {
            String value = String.valueOf(row.get(column));
            assertThat(value)
                    .as(column)
                    .doesNotContain(email)
                    .doesNotContain(phone)
                    .doesNotContain(phone.substring(1));
        }
        assertThat(String.valueOf(row.get("password_hash")))
                .startsWith("$argon2id$")
                .doesNotContain(PASSWORD);
        List<String> payloads = jdbc.queryForList(
                "select convert_from(payload, 'UTF8') || convert_from(coalesce(metadata, ''::bytea), 'UTF8')"
                        + " from domainevententry where aggregateidentifier = ?",
                String.class,
                userId.toString());
        assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(payload)
                .doesNotContain(email)
                .doesNotContain(phone)
                .doesNotContain(PASSWORD));
    }

    @Test
    void theBootstrapAdministratorExistsExactlyOnce() {
        Api api = Api.on(port);
        String token = Sessions.admin(api);

        assertThat(api.as(token).get("/api/v1/me").json("role").asString()).isEqualTo("ADMIN");
        assertThat(jdbc.queryForObject(
                        "select count(*) from user_credential where role = 'ADMIN' and activated", Integer.class))
                .isGreaterThanOrEqualTo(1);
    }

    private static String randomPhone() {
        return "+9647" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
    }
}
