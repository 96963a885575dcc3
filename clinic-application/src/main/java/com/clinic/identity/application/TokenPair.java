package com.clinic.identity.application;

import java.time.Duration;
import java.util.Optional;

/**
 * What a successful sign-in or refresh hands out; a password sign-in also hands out a device token
 * for the next one (see {@link DeviceTokens}).
 */
public record TokenPair(String accessToken, Duration expiresIn, String refreshToken, Optional<String> deviceToken) {}
