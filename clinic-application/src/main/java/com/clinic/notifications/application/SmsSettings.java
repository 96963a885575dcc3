package com.clinic.notifications.application;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Text messages through Twilio ({@code clinic.notifications.sms.*}). Without the account SID, the
 * auth token or a sender the channel is reported unavailable, and without the auth token every
 * callback is refused; the server starts all the same.
 *
 * @param enabled false switches the channel off: reported unavailable, nothing is sent
 * @param accountSid the Twilio account ({@code AC…})
 * @param authToken the account's auth token: authenticates the calls and verifies Twilio's callbacks
 * @param fromNumber the sender, an E.164 number of the account (unused when a messaging service is set)
 * @param messagingServiceSid a messaging service ({@code MG…}) that picks the sender instead
 * @param baseUrl where the API is reached instead of Twilio's host (a local fake)
 * @param ratePerSecond messages per second all instances together may hand to Twilio
 * @param readTimeout how long Twilio may take to answer
 */
public record SmsSettings(
        boolean enabled,
        Optional<String> accountSid,
        Optional<String> authToken,
        Optional<String> fromNumber,
        Optional<String> messagingServiceSid,
        Optional<URI> baseUrl,
        int ratePerSecond,
        Duration readTimeout) {

    public SmsSettings {
        accountSid = ProviderEndpoint.nonBlank(Objects.requireNonNull(accountSid, "accountSid"));
        authToken = ProviderEndpoint.nonBlank(Objects.requireNonNull(authToken, "authToken"));
        fromNumber = ProviderEndpoint.nonBlank(Objects.requireNonNull(fromNumber, "fromNumber"));
        messagingServiceSid =
                ProviderEndpoint.nonBlank(Objects.requireNonNull(messagingServiceSid, "messagingServiceSid"));
        baseUrl = ProviderEndpoint.checkedBaseUrl(
                Objects.requireNonNull(baseUrl, "baseUrl"), "clinic.notifications.sms.base-url");
        ProviderEndpoint.checkRate(ratePerSecond, "clinic.notifications.sms.rate-per-second");
        ProviderEndpoint.checkPositive(readTimeout, "clinic.notifications.sms.read-timeout");
    }

    /** Without the auth token: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "SmsSettings[enabled=" + enabled + ", accountSid=" + accountSid.orElse("(none)") + ", authToken="
                + (authToken.isPresent() ? "(set)" : "(none)") + ", fromNumber=" + fromNumber.orElse("(none)")
                + ", messagingServiceSid=" + messagingServiceSid.orElse("(none)") + ", baseUrl="
                + baseUrl.map(URI::toString).orElse("Twilio") + ", ratePerSecond=" + ratePerSecond + "]";
    }
}
