package com.clinic.identity.application;

import java.time.Duration;

/** What a successful sign-in or refresh hands out. */
public record TokenPair(String accessToken, Duration expiresIn, String refreshToken) {}
