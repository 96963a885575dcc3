package com.clinic.directory;

import static com.clinic.directory.DirectoryTestData.nationalId;
import static com.clinic.directory.DirectoryTestData.newSite;
import static com.clinic.directory.DirectoryTestData.patient;
import static com.clinic.directory.DirectoryTestData.saudiMobile;
import static com.clinic.directory.DirectoryTestData.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** POST /api/v1/auth/register is budgeted per client address and per e-mail or phone (ADR 0013). */
@IntegrationTest
class SelfRegistrationThrottlingTest {

    private static final String PASSWORD = "Patient-Passw0rd!";

    @LocalServerPort
    int port;

    Api api;
    DirectoryTestData.Site site;

    @BeforeEach
    void setUp() {
        api = Api.on(port);
        site = newSite(api);
    }

    private Map<String, Object> registration(String phone, String email) {
        return Map.of(
                "homeBranchId",
                site.branchId(),
                "patient",
                patient("Spam " + unique(), phone, nationalId(), email),
                "password",
                PASSWORD);
    }

    @Test
    void thirtyRegistrationsFromOneAddressAreCutOffAtTheClientsBudget() {
        Api spammer = api.fromNewAddress().anonymous();
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(spammer.post(
                    "/api/v1/auth/register", registration(saudiMobile(), "spam." + unique() + "@example.com")));
        }

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(10);
        List<Api.Response> refused =
                responses.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).hasSize(20);
        Api.Response last = responses.getLast();
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json("code").asString()).isEqualTo("auth.too-many-registrations");
        assertThat(last.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(last.header("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 3600L));
        // Another address is not affected.
        assertThat(api.fromNewAddress()
                        .anonymous()
                        .post(
                                "/api/v1/auth/register",
                                registration(saudiMobile(), "other." + unique() + "@example.com"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void oneEmailAddressCannotBeRegisteredOverAndOverFromManyAddresses() {
        String email = "target." + unique() + "@example.com";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(api.fromNewAddress()
                    .anonymous()
                    .post("/api/v1/auth/register", registration(saudiMobile(), email))
                    .status());
        }

        // The first succeeds, two more are told it is taken, then the e-mail's budget is used up.
        assertThat(statuses).containsExactly(201, 409, 409, 429, 429);
    }
}
