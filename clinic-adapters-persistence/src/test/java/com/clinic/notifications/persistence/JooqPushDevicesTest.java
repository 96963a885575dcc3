package com.clinic.notifications.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.PushDevices.Device;
import com.clinic.platform.persistence.PostgresTestDatabase;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqPushDevicesTest {

    private static final Instant T0 = Instant.parse("2026-05-10T07:00:00Z");

    private final JooqPushDevices devices;
    private final UUID user = UUID.randomUUID();

    JooqPushDevicesTest(DSLContext db) {
        this.devices = new JooqPushDevices(db);
    }

    @Test
    void aUsersDevicesAreListedNewestFirstAndARefreshedTokenReplacesTheOldOne() {
        devices.register(user, "phone", "token-1", "ANDROID", T0);
        devices.register(user, "tablet", "token-2", "IOS", T0.plusSeconds(10));

        devices.register(user, "phone", "token-3", "ANDROID", T0.plusSeconds(20));

        assertThat(devices.devicesOf(user))
                .containsExactly(new Device("phone", "token-3", "ANDROID"), new Device("tablet", "token-2", "IOS"));
        assertThat(devices.devicesOf(UUID.randomUUID())).isEmpty();
    }

    @Test
    void registeringTheSameTokenAgainChangesNothingButItsTime() {
        devices.register(user, "phone", "token-1", "ANDROID", T0);
        devices.register(user, "phone", "token-1", "ANDROID", T0.plusSeconds(5));

        assertThat(devices.devicesOf(user)).containsExactly(new Device("phone", "token-1", "ANDROID"));
    }

    @Test
    void aTokenRegisteredByAnotherAccountOrUnderAnotherDeviceIdMovesThere() {
        UUID next = UUID.randomUUID();
        devices.register(user, "phone", "shared-token", "ANDROID", T0);

        devices.register(next, "phone", "shared-token", "ANDROID", T0.plusSeconds(5));

        assertThat(devices.devicesOf(user)).isEmpty();
        assertThat(devices.devicesOf(next)).containsExactly(new Device("phone", "shared-token", "ANDROID"));

        devices.register(next, "reinstalled", "shared-token", "ANDROID", T0.plusSeconds(10));

        assertThat(devices.devicesOf(next)).containsExactly(new Device("reinstalled", "shared-token", "ANDROID"));
    }

    @Test
    void onlyTheOwnerRemovesADeviceAndATokenNobodyReachesIsForgottenWhoeverHasIt() {
        UUID other = UUID.randomUUID();
        devices.register(user, "phone", "token-1", "ANDROID", T0);
        devices.register(user, "tablet", "token-2", "IOS", T0);
        devices.register(other, "phone", "token-3", "WEB", T0);

        assertThat(devices.remove(other, "tablet")).isFalse();
        assertThat(devices.remove(user, "tablet")).isTrue();
        assertThat(devices.remove(user, "tablet")).isFalse();
        devices.forget("token-3");
        devices.forget("never-registered");

        assertThat(devices.devicesOf(user)).containsExactly(new Device("phone", "token-1", "ANDROID"));
        assertThat(devices.devicesOf(other)).isEmpty();
    }
}
