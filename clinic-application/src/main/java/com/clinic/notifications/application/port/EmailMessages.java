package com.clinic.notifications.application.port;

import java.util.Map;
import java.util.Optional;

/** Port: e-mail (SendGrid). */
public interface EmailMessages {

    /**
     * @param idempotencyKey the same for every attempt of one notification on this channel
     * @param language the language of the text, for the document's {@code lang} and direction
     * @param trackingArgs ids the provider echoes back in its event reports (notification id,
     *     channel); never personal data
     * @param unsubscribeUrl where the List-Unsubscribe header points, for categories one may leave
     */
    record EmailMessage(
            String idempotencyKey,
            String toAddress,
            String subject,
            String html,
            String text,
            String language,
            Map<String, String> trackingArgs,
            Optional<String> unsubscribeUrl) {
        public EmailMessage {
            trackingArgs = Map.copyOf(trackingArgs);
        }
    }

    ChannelStatus status();

    DeliveryOutcome send(EmailMessage message);
}
