package com.clinic.platform.rest;

import com.clinic.platform.domain.Rejection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strong ETags carry the aggregate version (the sequence number of its last event). An
 * {@code If-Match} with a stale version makes the command fail with 412.
 */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header asks for; empty when absent or {@code *}. */
    public static Optional<Long> expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new Rejection.RuleViolated("etag.malformed");
        }
        return Optional.of(Long.parseLong(matcher.group(1)));
    }
}
