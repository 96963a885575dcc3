package com.clinic.notifications.application.port;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port: the devices each user's app registered for push messages. */
public interface PushDevices {

    /** A registration token of one of the user's devices. */
    record Device(String deviceId, String token, String platform) {}

    /** Registers or refreshes the device's token (a device has one token; the latest wins). */
    void register(UUID userId, String deviceId, String token, String platform, Instant at);

    /** False when the user has no such device. */
    boolean remove(UUID userId, String deviceId);

    List<Device> devicesOf(UUID userId);

    /** FCM said the token reaches nobody any more: it is forgotten, whoever registered it. */
    void forget(String token);
}
