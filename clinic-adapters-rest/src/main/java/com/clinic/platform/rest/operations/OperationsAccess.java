package com.clinic.platform.rest.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read the operational surfaces besides administrators: a Prometheus scraper presenting
 * the configured scrape token, and anyone for the API description when it is declared public.
 *
 * <p>Only a SHA-256 digest of the token is held, and presented tokens are compared digest to digest
 * in constant time, so neither a heap dump nor response timing gives the token away.
 */
public final class OperationsAccess {

    private final Optional<byte[]> scrapeTokenDigest;
    private final boolean apiDocsPublic;

    public OperationsAccess(Optional<String> scrapeToken, boolean apiDocsPublic) {
        this.scrapeTokenDigest =
                scrapeToken.map(String::strip).filter(token -> !token.isEmpty()).map(OperationsAccess::digest);
        this.apiDocsPublic = apiDocsPublic;
    }

    /** Whether the presented bearer token is the scrape token; always false when none is configured. */
    public boolean isScrapeToken(String presented) {
        return scrapeTokenDigest
                .map(expected -> MessageDigest.isEqual(expected, digest(presented)))
                .orElse(false);
    }

    public boolean scrapeTokenConfigured() {
        return scrapeTokenDigest.isPresent();
    }

    /** Whether the OpenAPI description and Swagger UI are served without credentials. */
    public boolean apiDocsPublic() {
        return apiDocsPublic;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
