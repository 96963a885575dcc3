package com.clinic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.support.Api;
import com.clinic.support.IntegrationTest;
import com.clinic.support.Sessions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A write is answered only once this instance's read models include it, so the very next request
 * reads it back, and a command validated against a read model is not refused because of lag.
 */
@IntegrationTest
class ReadYourWritesTest {

    @Value("${local.server.port}")
    int port;

    private static Map<String, Object> site(String name) {
        return Map.of(
                "nameAr", "عيادة " + name,
                "nameEn", "Clinic " + name,
                "address", "1 Main St",
                "phone", "+966112345678",
                "timeZone", "Asia/Riyadh",
                "currency", "SAR",
                "workingDays", java.util.List.of("SUNDAY", "MONDAY"));
    }

    @Test
    void whatWasJustCreatedCanBeReadAndBuiltUponImmediately() {
        Api admin = Api.on(port).as(Sessions.admin(Api.on(port)));
        for (int round = 0; round < 10; round++) {
            var clinic = admin.post("/api/v1/clinics", site("R" + round));
            assertThat(clinic.status()).isEqualTo(201);
            String clinicId = clinic.json("id").asString();

            assertThat(admin.get("/api/v1/clinics/" + clinicId).status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/clinics/" + clinicId + "/branches", site("B" + round))
                            .status())
                    .isEqualTo(201);
        }
    }
}
