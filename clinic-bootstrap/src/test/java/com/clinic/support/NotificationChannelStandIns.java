package com.clinic.support;

import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.DeliveryOutcome;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.application.templates.MessageTemplates;
import com.clinic.notifications.domain.Channel;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Test-only stand-ins for notification ports whose adapters are built on other branches (the
 * channel providers, the template renderer), so the shared context starts without them. Each steps
 * aside as soon as the application defines the real one: drop this class once they are merged.
 */
@AutoConfiguration
public class NotificationChannelStandIns {

    private static final String PROVIDER = "stand-in";

    @Bean
    @ConditionalOnMissingBean
    PushMessages standInPushMessages() {
        return new PushMessages() {
            @Override
            public ChannelStatus status() {
                return ChannelStatus.unavailable(Channel.PUSH, PROVIDER, "no provider in this build");
            }

            @Override
            public DeliveryOutcome send(PushMessage message) {
                return new DeliveryOutcome.Unreachable(PROVIDER, "no provider in this build", Duration.ZERO);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EmailMessages standInEmailMessages() {
        return new EmailMessages() {
            @Override
            public ChannelStatus status() {
                return ChannelStatus.unavailable(Channel.EMAIL, PROVIDER, "no provider in this build");
            }

            @Override
            public DeliveryOutcome send(EmailMessage message) {
                return new DeliveryOutcome.Unreachable(PROVIDER, "no provider in this build", Duration.ZERO);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SmsGateway standInSmsGateway() {
        return new SmsGateway() {
            @Override
            public ChannelStatus status() {
                return ChannelStatus.unavailable(Channel.SMS, PROVIDER, "no provider in this build");
            }

            @Override
            public DeliveryOutcome send(SmsMessage message) {
                return new DeliveryOutcome.Unreachable(PROVIDER, "no provider in this build", Duration.ZERO);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    MessageTemplates standInMessageTemplates() {
        return new MessageTemplates() {
            @Override
            public Rendered render(Request request) {
                return new Rendered(
                        request.language(),
                        Optional.empty(),
                        Optional.of(request.template()),
                        request.template() + " " + request.parameters().keySet(),
                        Optional.empty());
            }

            @Override
            public boolean exists(String template, Channel channel) {
                return true;
            }
        };
    }
}
