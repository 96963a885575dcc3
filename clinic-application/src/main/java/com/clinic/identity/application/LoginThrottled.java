package com.clinic.identity.application;

import java.time.Duration;

/** Too many failed sign-ins for this login or from this client recently (HTTP 429 with Retry-After). */
public final class LoginThrottled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String CODE = "auth.too-many-attempts";

    private final Duration retryAfter;

    public LoginThrottled(Duration retryAfter) {
        super(CODE, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
