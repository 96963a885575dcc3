package com.clinic.notifications.bootstrap;

import com.clinic.notifications.application.EmailSettings;
import com.clinic.notifications.application.PushSettings;
import com.clinic.notifications.application.SmsSettings;
import com.clinic.notifications.external.FcmPushMessages;
import com.clinic.notifications.external.ProviderRateLimits;
import com.clinic.notifications.external.ProviderWebhooksAdapter;
import com.clinic.notifications.external.SendGridEmailMessages;
import com.clinic.notifications.external.TwilioSmsGateway;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channels' settings and their providers' adapters. A channel without its keys, or switched off, is
 * still a bean: it reports itself unavailable and sends nothing; an invalid value (a rate below one, a
 * base URL that is not a host) stops the start. The adapters are closed with the context (Firebase's
 * app, the HTTP clients' pools).
 */
@Configuration(proxyBeanMethods = false)
class NotificationChannelsConfiguration {

    @Bean
    PushSettings pushSettings(PushProperties push) {
        return new PushSettings(
                push.enabled(),
                text(push.credentialsFile()).map(Path::of),
                text(push.projectId()),
                url(push.baseUrl(), "clinic.notifications.push.base-url"),
                push.ratePerSecond(),
                push.connectTimeout(),
                push.readTimeout());
    }

    @Bean
    EmailSettings emailSettings(EmailProperties email) {
        return new EmailSettings(
                email.enabled(),
                text(email.apiKey()),
                text(email.fromAddress()),
                text(email.fromName()).orElse(""),
                email.categories(),
                text(email.webhookPublicKey()),
                email.webhookTolerance(),
                url(email.baseUrl(), "clinic.notifications.email.base-url"),
                email.ratePerSecond(),
                email.connectTimeout(),
                email.readTimeout());
    }

    @Bean
    SmsSettings smsSettings(SmsProperties sms) {
        return new SmsSettings(
                sms.enabled(),
                text(sms.accountSid()),
                text(sms.authToken()),
                text(sms.fromNumber()),
                text(sms.messagingServiceSid()),
                url(sms.baseUrl(), "clinic.notifications.sms.base-url"),
                sms.ratePerSecond(),
                sms.readTimeout());
    }

    @Bean
    ProviderRateLimits providerRateLimits(DataSource dataSource, Clock clock) {
        return new ProviderRateLimits(dataSource, clock);
    }

    @Bean
    FcmPushMessages pushMessages(PushSettings settings, ProviderRateLimits limits, Clock clock) {
        return new FcmPushMessages(
                settings, limits.perSecond(FcmPushMessages.PROVIDER, settings.ratePerSecond()), clock);
    }

    @Bean
    SendGridEmailMessages emailMessages(EmailSettings settings, ProviderRateLimits limits, Clock clock) {
        return new SendGridEmailMessages(
                settings, limits.perSecond(SendGridEmailMessages.PROVIDER, settings.ratePerSecond()), clock);
    }

    @Bean
    TwilioSmsGateway smsGateway(SmsSettings settings, ProviderRateLimits limits) {
        return new TwilioSmsGateway(settings, limits.perSecond(TwilioSmsGateway.PROVIDER, settings.ratePerSecond()));
    }

    @Bean
    ProviderWebhooksAdapter providerWebhooks(EmailSettings email, SmsSettings sms, Clock clock) {
        return new ProviderWebhooksAdapter(email, sms, clock);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> url(String value, String setting) {
        try {
            return text(value).map(URI::create);
        } catch (IllegalArgumentException notAUrl) {
            throw new IllegalArgumentException(setting + " is not a URL", notAUrl);
        }
    }
}
