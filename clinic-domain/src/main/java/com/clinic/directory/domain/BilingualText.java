package com.clinic.directory.domain;

import java.util.Objects;

/** A text the directory shows in Arabic and in English; both are always kept, neither is derived from the other. */
public record BilingualText(String ar, String en) {

    public BilingualText {
        Objects.requireNonNull(ar, "ar");
        Objects.requireNonNull(en, "en");
    }

    public boolean isComplete() {
        return !ar.isBlank() && !en.isBlank();
    }
}
