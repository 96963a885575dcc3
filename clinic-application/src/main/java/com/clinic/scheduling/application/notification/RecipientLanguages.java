package com.clinic.scheduling.application.notification;

import java.util.Optional;
import java.util.UUID;

/** Port: the language a user chose for what we tell them ("ar", "en"), when they chose one. */
public interface RecipientLanguages {

    Optional<String> preferredLanguage(UUID userId);
}
