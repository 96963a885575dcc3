package com.clinic.notifications.application;

import com.clinic.notifications.application.port.OptOuts;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.platform.application.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-click unsubscribe link of an e-mail (RFC 8058 List-Unsubscribe): the address's blind
 * index with a MAC over it under the blind-index key, so the link names no address, cannot be made
 * for another one, and needs nothing stored. Using it records the same opt-out as a provider's
 * unsubscribe report; account messages (invitations, password resets) carry no link, since they
 * cannot be switched off.
 */
@Component
public class UnsubscribeLinks {

    static final String PATH = "/api/v1/unsubscribe/";

    private final FieldCipher cipher;
    private final OptOuts optOuts;
    private final NotificationSettings settings;
    private final Clock clock;

    UnsubscribeLinks(FieldCipher cipher, OptOuts optOuts, NotificationSettings settings, Clock clock) {
        this.cipher = cipher;
        this.optOuts = optOuts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The link for the e-mail address of this {@link AddressIndex} in a message of this category;
     * none for account messages.
     */
    Optional<String> linkFor(String addressIndex, Category category) {
        if (category == Category.ACCOUNT) {
            return Optional.empty();
        }
        return Optional.of(settings.link(PATH + addressIndex + "." + mac(addressIndex)));
    }

    /** Records that the link's address wants no more e-mail; false when this server did not make the link. */
    @Transactional
    public boolean unsubscribe(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        String index = token.substring(0, dot);
        byte[] expected = mac(index).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        optOuts.optOut(Channel.EMAIL, index, "list-unsubscribe", clock.instant());
        return true;
    }

    private String mac(String index) {
        return cipher.blindIndex("list-unsubscribe:" + index);
    }
}
