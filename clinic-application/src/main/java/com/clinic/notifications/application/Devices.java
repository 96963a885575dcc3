package com.clinic.notifications.application;

import com.clinic.notifications.application.port.PushDevices;
import com.clinic.platform.application.access.AccessPolicy;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The caller's own push devices: the app registers (or refreshes) a device's token whenever it gets
 * a new one, and removes the device when the user signs out on it. Nobody reaches anyone else's.
 */
@Service
public class Devices {

    /** What the app calls its installation: letters, digits and {@code . _ : -}. */
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static final int LONGEST_TOKEN = 1024;
    static final Set<String> PLATFORMS = Set.of("ANDROID", "IOS", "WEB");

    private final PushDevices devices;
    private final AccessPolicy access;
    private final Clock clock;

    Devices(PushDevices devices, AccessPolicy access, Clock clock) {
        this.devices = devices;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The device's token, replacing any it had; a token registered before by another account or
     * device (the phone changed hands, the app was reinstalled) now reaches this one only.
     */
    public void register(Actor actor, String deviceId, String token, String platform) {
        access.requireRole(actor, NotificationOperation.MANAGE_OWN_DEVICES);
        String normalisedPlatform = platform == null ? "" : platform.strip().toUpperCase(Locale.ROOT);
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw new Rejection.RuleViolated("notification.device-invalid", "deviceId");
        }
        if (token == null
                || token.isBlank()
                || token.length() > LONGEST_TOKEN
                || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new Rejection.RuleViolated("notification.device-invalid", "token");
        }
        if (!PLATFORMS.contains(normalisedPlatform)) {
            throw new Rejection.RuleViolated("notification.device-invalid", "platform");
        }
        devices.register(actor.userId(), deviceId, token, normalisedPlatform, clock.instant());
    }

    public void remove(Actor actor, String deviceId) {
        access.requireRole(actor, NotificationOperation.MANAGE_OWN_DEVICES);
        if (!devices.remove(actor.userId(), deviceId)) {
            throw new Rejection.NotFound("notification.device-not-found");
        }
    }
}
