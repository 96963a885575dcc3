package com.clinic.notifications.application.port;

import java.util.Optional;

/** Port: text messages to E.164 phone numbers. */
public interface SmsGateway {

    /**
     * @param idempotencyKey the same for every attempt of one notification on this channel
     * @param statusCallbackUrl where the provider reports delivery (it signs that exact URL)
     */
    record SmsMessage(String idempotencyKey, String toE164, String body, Optional<String> statusCallbackUrl) {}

    ChannelStatus status();

    DeliveryOutcome send(SmsMessage message);
}
