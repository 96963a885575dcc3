package com.clinic.notifications.application;

import com.clinic.notifications.domain.Channel;
import com.clinic.platform.application.crypto.FieldCipher;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How an address is named without being stored (opt-outs, unsubscribe links): its blind index, the
 * one the directory uses too; an e-mail address case-folded, a phone number as it is (E.164).
 */
@Component
class AddressIndex {

    private final FieldCipher cipher;

    AddressIndex(FieldCipher cipher) {
        this.cipher = cipher;
    }

    String of(Channel channel, String address) {
        String trimmed = address.trim();
        return cipher.blindIndex(channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed);
    }
}
