package com.clinic.notifications.rest;

import com.clinic.notifications.application.Devices;
import com.clinic.platform.domain.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own devices that receive push messages. */
@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/me/devices")
class DeviceController {

    private static final String DEVICE_ID = "[A-Za-z0-9._:-]{1,128}";

    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    /** A device's registration token, as Firebase Cloud Messaging gave it to the app. */
    record DeviceRequest(
            @Schema(example = "fcm-registration-token-from-the-app") @NotBlank @Size(max = 1024) String token,
            @Schema(example = "ANDROID", description = "ANDROID, IOS or WEB")
                    @NotBlank
                    @Pattern(regexp = "(?i)android|ios|web")
                    String platform) {}

    @Operation(
            operationId = "registerDevice",
            summary = "Register or refresh one of my devices",
            description =
                    "Stores the device's push token, replacing any token it had; call it whenever the app gets a new token. The latest registration wins, so it takes no If-Match. A token registered before by another account or under another device id (the phone changed hands, the app was reinstalled) now reaches this device only.")
    @PutMapping("/{deviceId}")
    ResponseEntity<Void> register(
            @AuthenticationPrincipal Actor actor,
            @PathVariable @Pattern(regexp = DEVICE_ID) String deviceId,
            @Valid @RequestBody DeviceRequest body) {
        devices.register(actor, deviceId, body.token(), body.platform());
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "removeDevice",
            summary = "Remove one of my devices",
            description =
                    "The device gets no more push messages (sign-out on it). 404 when the caller has no such device.")
    @DeleteMapping("/{deviceId}")
    ResponseEntity<Void> remove(
            @AuthenticationPrincipal Actor actor, @PathVariable @Pattern(regexp = DEVICE_ID) String deviceId) {
        devices.remove(actor, deviceId);
        return ResponseEntity.noContent().build();
    }
}
