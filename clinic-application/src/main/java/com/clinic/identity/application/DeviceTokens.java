package com.clinic.identity.application;

import com.clinic.platform.application.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Device cookies for sign-in (OWASP's "device cookies" against password guessing, ADR 0013): after a
 * correct password, the app is handed a token naming this login; presenting it with the next password
 * sign-in ranks that hash above every client the server has not met, so a wave of fresh addresses
 * guessing passwords cannot push a returning user's sign-in out of the hashing queue.
 *
 * <p>A token is {@code issuedAt.nonce.mac}, the MAC being the blind index (HMAC under the server's
 * blind-index key) of the login's index, the time and the nonce. It is bound to one login, so it helps
 * nobody guess another account; it carries nothing personal; it grants no access by itself (the
 * password is still checked, and every attempt still spends the client's and the account's budgets).
 * Rotating the blind-index key retires every device token: the app signs in once as a new device.
 */
@Component
class DeviceTokens {

    /** How long a device stays known without signing in with its password again. */
    static final Duration LIFETIME = Duration.ofDays(180);

    private final FieldCipher cipher;

    DeviceTokens(FieldCipher cipher) {
        this.cipher = cipher;
    }

    String issue(String loginIndex, Instant now) {
        String issuedAt = Long.toString(now.getEpochSecond());
        String nonce = SecretTokens.generate();
        return issuedAt + "." + nonce + "." + mac(loginIndex, issuedAt, nonce);
    }

    boolean recognises(String token, String loginIndex, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3
                || parts[0].isEmpty()
                || parts[0].length() > 12
                || !parts[0].chars().allMatch(Character::isDigit)) {
            return false;
        }
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        if (issuedAt.isAfter(now) || issuedAt.plus(LIFETIME).isBefore(now)) {
            return false;
        }
        byte[] expected = mac(loginIndex, parts[0], parts[1]).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String loginIndex, String issuedAt, String nonce) {
        return cipher.blindIndex("device:" + loginIndex + ":" + issuedAt + ":" + nonce);
    }
}
