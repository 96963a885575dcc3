package com.clinic.notifications.external;

import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.SmsGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The channels' providers, one entry each: whether it can send and, if not, why. Always UP: a channel
 * without credentials or switched off is how this installation is configured, and the instance serves
 * every other channel; taking it out of the load balancer would fix nothing.
 */
@Component("notificationChannels")
class NotificationChannelsHealthIndicator implements HealthIndicator {

    private final PushMessages push;
    private final EmailMessages email;
    private final SmsGateway sms;

    NotificationChannelsHealthIndicator(PushMessages push, EmailMessages email, SmsGateway sms) {
        this.push = push;
        this.email = email;
        this.sms = sms;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        for (ChannelStatus status : List.of(push.status(), email.status(), sms.status())) {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("provider", status.provider());
            channel.put("available", status.available());
            channel.put("reason", status.reason());
            details.put(status.channel().name().toLowerCase(Locale.ROOT), channel);
        }
        return Health.up().withDetails(details).build();
    }
}
