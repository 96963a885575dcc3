package com.clinic.notifications.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.domain.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The channels in health: each one's status, and an unavailable channel does not make the instance DOWN. */
class NotificationChannelsHealthIndicatorTest {

    private record Push(ChannelStatus status) implements PushMessages {
        @Override
        public DeliveryOutcome send(PushMessage message) {
            throw new AssertionError("health sends nothing");
        }
    }

    private record Email(ChannelStatus status) implements EmailMessages {
        @Override
        public DeliveryOutcome send(EmailMessage message) {
            throw new AssertionError("health sends nothing");
        }
    }

    private record Sms(ChannelStatus status) implements SmsGateway {
        @Override
        public DeliveryOutcome send(SmsMessage message) {
            throw new AssertionError("health sends nothing");
        }
    }

    @Test
    void isUpWithEachChannelsStatusEvenWhenSomeAreUnavailable() {
        Health health = new NotificationChannelsHealthIndicator(
                        new Push(ChannelStatus.unavailable(Channel.PUSH, "fcm", "no credentials")),
                        new Email(ChannelStatus.available(Channel.EMAIL, "sendgrid")),
                        new Sms(ChannelStatus.unavailable(Channel.SMS, "twilio", "disabled by configuration")))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsExactly(
                        Map.entry("push", Map.of("provider", "fcm", "available", false, "reason", "no credentials")),
                        Map.entry("email", Map.of("provider", "sendgrid", "available", true, "reason", "ready")),
                        Map.entry(
                                "sms",
                                Map.of(
                                        "provider",
                                        "twilio",
                                        "available",
                                        false,
                                        "reason",
                                        "disabled by configuration")));
    }
}
