package com.clinic.platform.rest;

import com.clinic.platform.domain.Rejection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Strong ETags carry the aggregate version (the sequence number of its last event). An
 * {@code If-Match} with a stale version makes the command fail with 412.
 *
 * <p>The one precondition contract of the API: a PUT replaces what the client read, so it must say
 * which version that was ({@link #required}: 428 without {@code If-Match}; {@code If-Match: *} is an
 * explicit "whatever is there"). Actions on a resource (cancel, reschedule, add time off, deactivate)
 * take {@code If-Match} optionally ({@link #expectedVersion}): they change one thing that the command
 * itself checks, and a patient's app should not have to read before it cancels. The check sits in each
 * controller method, after its authorization, so a caller who may not touch the resource learns 403 or
 * 404, never 428.
 */
public final class ETags {

    private static final Pattern VERSION = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** For a PUT: the version its {@code If-Match} names, empty for {@code *}; 428 without one. */
    public static Optional<Long> required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED);
        }
        return expectedVersion(ifMatch);
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
