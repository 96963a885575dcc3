package com.clinic.notifications.application.port;

import java.util.Objects;
import java.util.Optional;

/**
 * A notice's text as the dispatcher rendered it for the in-app channel.
 *
 * @param title the template's subject, when it has one
 * @param language the language the text is in ({@code ar}, {@code en})
 */
public record RenderedText(Optional<String> title, String body, String language) {

    public RenderedText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(language, "language");
    }
}
