package com.clinic.platform.application.idempotency;

import java.util.Map;

/**
 * Port: remembers, per caller and {@code Idempotency-Key}, the fingerprint of the first request and
 * the response it got, so a retry is answered from here instead of running the command again.
 */
public interface IdempotencyStore {

    record StoredResponse(int status, Map<String, String> headers, byte[] body) {}

    sealed interface Claim {
        /** This request is the first with the key: run it, then {@link #complete} or {@link #release}. */
        record Acquired() implements Claim {}

        /** A request with the key already completed: answer with its response. */
        record Replay(String requestFingerprint, StoredResponse response) implements Claim {}

        /** A request with the key is still running, or used the key for a different request. */
        record InProgress(String requestFingerprint) implements Claim {}
    }

    Claim claim(String scope, String key, String requestFingerprint);

    void complete(String scope, String key, StoredResponse response);

    /** Forgets a claim whose request failed, so that the client may retry it. */
    void release(String scope, String key);
}
