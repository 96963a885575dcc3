package com.clinic.notifications.application;

import com.clinic.notifications.application.port.ChannelStatus;
import com.clinic.notifications.application.port.EmailMessages;
import com.clinic.notifications.application.port.PushMessages;
import com.clinic.notifications.application.port.SmsGateway;
import com.clinic.notifications.domain.Channel;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Which channels can send now: a provider switched off or without its key is reported here (and in
 * health), and messages skip it, instead of the server refusing to start.
 */
@Service
public class ChannelAvailability {

    private final PushMessages push;
    private final EmailMessages email;
    private final SmsGateway sms;

    public ChannelAvailability(PushMessages push, EmailMessages email, SmsGateway sms) {
        this.push = push;
        this.email = email;
        this.sms = sms;
    }

    public List<ChannelStatus> all() {
        return List.of(ChannelStatus.available(Channel.IN_APP, "inbox"), push.status(), email.status(), sms.status());
    }
}
