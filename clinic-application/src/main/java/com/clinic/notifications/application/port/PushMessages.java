package com.clinic.notifications.application.port;

import java.util.Map;

/** Port: push messages to one device (Firebase Cloud Messaging). */
public interface PushMessages {

    /**
     * @param idempotencyKey the same for every attempt of one notification on this channel
     * @param deviceToken the registration token the app reported for the device
     * @param data small key-value pairs the app uses to open the right screen (ids, never personal data)
     * @param urgent sent with high priority (an offer about to lapse, "your turn")
     */
    record PushMessage(
            String idempotencyKey,
            String deviceToken,
            String title,
            String body,
            Map<String, String> data,
            boolean urgent) {
        public PushMessage {
            data = Map.copyOf(data);
        }
    }

    ChannelStatus status();

    DeliveryOutcome send(PushMessage message);
}
