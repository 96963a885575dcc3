package com.clinic.notifications.application.port;

import com.clinic.notifications.domain.Channel;
import java.time.Instant;

/**
 * Port: addresses whose owner said stop (SMS STOP, an e-mail unsubscribe or spam complaint), kept
 * as blind indexes so the list itself holds no phone number or e-mail address.
 */
public interface OptOuts {

    void optOut(Channel channel, String addressIndex, String source, Instant at);

    void optIn(Channel channel, String addressIndex, Instant at);

    boolean isOptedOut(Channel channel, String addressIndex);
}
