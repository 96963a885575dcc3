package com.clinic.identity.application;

import java.time.Duration;

/**
 * Too many failed sign-ins, or self-registrations, for this login or from this client recently
 * (HTTP 429 with Retry-After).
 */
public final class LoginThrottled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "auth.too-many-attempts";
    public static final String REGISTRATIONS_CODE = "auth.too-many-registrations";
    public static final String RESETS_CODE = "auth.too-many-resets";

    private final String code;
    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        this(CODE, retryAfter);
    }

    public LoginThrottled(String code, Duration retryAfter) {
        super(code, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public String code() {
        return code;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
