package com.clinic.identity.application;

/**
 * Sign-in, refresh or token check failed (HTTP 401). The code never says why in more detail than
 * a client may know: an unknown login, a wrong password and a disabled account look the same.
 */
public final class AuthenticationFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_CREDENTIALS = "auth.invalid-credentials";
    public static final String INVALID_REFRESH_TOKEN = "auth.invalid-refresh-token";

    private final String code;

    public AuthenticationFailed(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
