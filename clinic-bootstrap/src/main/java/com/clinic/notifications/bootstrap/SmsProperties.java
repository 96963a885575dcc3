package com.clinic.notifications.bootstrap;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Text messages through Twilio. Without the account SID, the auth token or a sender the channel is
 * reported unavailable (health, API) and nothing is sent; without the auth token every callback is
 * refused. The server starts all the same. Twilio's SDK sets its own connect timeout (30.5 s).
 *
 * @param enabled false switches SMS off: reported unavailable, nothing is sent
 * @param accountSid the Twilio account SID, AC… (none: SMS is unavailable)
 * @param authToken the account's auth token: authenticates the calls and verifies Twilio's callbacks (none: SMS
 *     is unavailable and every callback is refused)
 * @param fromNumber the sender, an E.164 number of the account (unused when a messaging service is set)
 * @param messagingServiceSid a messaging service SID (MG…) that picks the sender instead of the number
 * @param baseUrl an http(s) host that the API is reached at instead of Twilio's (a local fake, a proxy); empty:
 *     Twilio's
 * @param ratePerSecond messages per second all instances together may hand to Twilio (a token bucket in
 *     PostgreSQL)
 * @param readTimeout how long Twilio may take to answer one message
 */
@Validated
@ConfigurationProperties("clinic.notifications.sms")
record SmsProperties(
        @DefaultValue("true") boolean enabled,
        String accountSid,
        String authToken,
        @Pattern(regexp = "^$|\\+[1-9][0-9]{1,14}", message = "must be an E.164 number such as +15005550006")
                String fromNumber,
        String messagingServiceSid,
        String baseUrl,
        @DefaultValue("10") @Positive int ratePerSecond,
        @DefaultValue("10s") Duration readTimeout) {

    /** Without the auth token: bound settings end up in logs and failure analyses. */
    @Override
    public String toString() {
        return "SmsProperties[enabled=" + enabled + ", accountSid=" + accountSid + ", authToken="
                + (authToken == null || authToken.isBlank() ? "(none)" : "(set)") + ", fromNumber=" + fromNumber
                + ", messagingServiceSid=" + messagingServiceSid + ", baseUrl=" + baseUrl + ", ratePerSecond="
                + ratePerSecond + "]";
    }
}
