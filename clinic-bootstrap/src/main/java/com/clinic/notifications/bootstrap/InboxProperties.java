package com.clinic.notifications.bootstrap;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live in-app inbox ({@code clinic.notifications.inbox.*}): the streams that tell a user's open
 * clients about new and read notifications, whichever instance they are connected to.
 *
 * @param streamTimeout how long one live stream stays open before the client reconnects
 * @param keepAlive how often an idle stream gets a comment, so that proxies keep it open
 * @param listenPollTimeout how often the listener connection looks for inbox change notifications
 */
@Validated
@ConfigurationProperties("clinic.notifications.inbox")
record InboxProperties(
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("25s") Duration keepAlive,
        @DefaultValue("1s") Duration listenPollTimeout) {}
