package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.Channel;

/**
 * Whether a channel can send now, and if not why (switched off by configuration, no provider key):
 * shown in health and in the API, never a reason for the server not to start.
 */
public record ChannelStatus(Channel channel, String provider, boolean available, String reason) {

    public static ChannelStatus available(Channel channel, String provider) {
        return new ChannelStatus(channel, provider, true, "ready");
    }

    public static ChannelStatus unavailable(Channel channel, String provider, String reason) {
        return new ChannelStatus(channel, provider, false, reason);
    }
}
