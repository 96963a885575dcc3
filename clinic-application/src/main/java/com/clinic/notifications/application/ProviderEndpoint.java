package com.clinic.notifications.application;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Checks shared by the channels' settings. */
final class ProviderEndpoint {

    private ProviderEndpoint() {}

    /**
     * A base URL replaces the provider's own host (a local fake in tests, a proxy): an absolute
     * http(s) URL with a host and no path, query or user info, which could not be honoured.
     */
    static Optional<URI> checkedBaseUrl(Optional<URI> baseUrl, String setting) {
        baseUrl.ifPresent(url -> {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            boolean pathless = url.getRawPath() == null
                    || url.getRawPath().isEmpty()
                    || url.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || url.getHost() == null
                    || !pathless
                    || url.getRawQuery() != null
                    || url.getRawUserInfo() != null) {
                throw new IllegalArgumentException(
                        setting + " must be an http(s) URL of a host (and port), nothing more");
            }
        });
        return baseUrl;
    }

    static void checkRate(int ratePerSecond, String setting) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1");
        }
    }

    static void checkPositive(Duration duration, String setting) {
        if (duration == null || !duration.isPositive()) {
            throw new IllegalArgumentException(setting + " must be positive");
        }
    }

    static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
