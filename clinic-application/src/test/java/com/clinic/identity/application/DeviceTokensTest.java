package com.clinic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.crypto.FieldCipher;
import com.clinic.platform.application.crypto.KeyMaterial;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A device token names one login, for a while, and cannot be made without the server's key. */
class DeviceTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final DeviceTokens devices = new DeviceTokens(new FieldCipher(KeyMaterial.ring()));

    @Test
    void aTokenIsRecognisedForItsOwnLoginOnly() {
        String token = devices.issue("login-a", NOW);

        assertThat(devices.recognises(token, "login-a", NOW.plus(Duration.ofDays(30))))
                .isTrue();
        assertThat(devices.recognises(token, "login-b", NOW)).isFalse();
    }

    @Test
    void aTokenLapsesAfterItsLifetimeAndOneFromTheFutureIsRefused() {
        String token = devices.issue("login-a", NOW);

        assertThat(devices.recognises(token, "login-a", NOW.plus(DeviceTokens.LIFETIME)))
                .isTrue();
        assertThat(devices.recognises(
                        token, "login-a", NOW.plus(DeviceTokens.LIFETIME).plusSeconds(1)))
                .isFalse();
        assertThat(devices.recognises(devices.issue("login-a", NOW.plusSeconds(60)), "login-a", NOW))
                .isFalse();
    }

    @Test
    void aTokenMadeWithAnotherKeyAlteredOrMalformedIsNotRecognised() {
        String token = devices.issue("login-a", NOW);
        DeviceTokens otherServer = new DeviceTokens(new FieldCipher(KeyMaterial.ring()));
        String[] parts = token.split("\\.");

        assertThat(otherServer.recognises(token, "login-a", NOW)).isFalse();
        // Moving the issue time forward to stretch the lifetime breaks the MAC.
        String stretched = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        assertThat(devices.recognises(stretched, "login-a", NOW.plusSeconds(5))).isFalse();
        for (String malformed :
                new String[] {"", ".", "..", "x.y.z", "99999999999999999999.a.b", "-1.a.b", token + ".extra"}) {
            assertThat(devices.recognises(malformed, "login-a", NOW))
                    .as(malformed)
                    .isFalse();
        }
    }
}
