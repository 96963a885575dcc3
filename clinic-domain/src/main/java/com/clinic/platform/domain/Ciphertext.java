package com.clinic.platform.domain;

import java.util.Objects;

/**
 * Personal data sealed with the key of the person it belongs to. The domain treats it as opaque:
 * decisions never need the plain text, and erasing the person's key makes every copy unreadable,
 * including the ones inside immutable events.
 */
public record Ciphertext(String value) {

    public Ciphertext {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ciphertext must not be blank");
        }
    }

    @Override
    public String toString() {
        return "Ciphertext[***]";
    }
}
