package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.Channel;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a provider later reported about a message it accepted (or about an address), read from a
 * webhook whose signature checked out.
 *
 * @param notificationId when the provider echoed it back (SendGrid's custom args, the id in the
 *     SMS status callback's URL)
 * @param address the recipient address the report is about (for opt-outs), when the provider gave it
 */
public record DeliveryReport(
        Channel channel,
        String provider,
        Optional<String> providerMessageId,
        Optional<UUID> notificationId,
        Status status,
        String detail,
        Optional<String> address,
        Instant at) {

    public enum Status {
        DELIVERED,
        BOUNCED,
        DROPPED,
        SPAM_REPORTED,
        FAILED,
        /** The recipient asked for no more messages on this channel (unsubscribe, STOP). */
        OPTED_OUT,
        /** The recipient asked for messages again (START, resubscribe). */
        OPTED_IN
    }
}
