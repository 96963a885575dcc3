package com.clinic.directory.domain;

import com.clinic.platform.domain.Rejection;
import java.time.DayOfWeek;
import java.util.Objects;
import java.util.Set;

/**
 * What clinics and branches share: how they are named, found and reached, the time zone their
 * opening hours are in, the currency they charge in and the days they open. Formats (E.164, IANA
 * zone, ISO 4217) are checked at the edge of the application; the decider checks completeness.
 */
public record SiteProfile(
        BilingualText name,
        String address,
        String phoneE164,
        String timeZone,
        String currency,
        Set<DayOfWeek> workingDays) {

    public SiteProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phoneE164, "phoneE164");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(currency, "currency");
        workingDays = Set.copyOf(workingDays);
    }

    /** Rejects a profile a site cannot operate with; {@code kind} prefixes the codes ("clinic", "branch"). */
    public void checkComplete(String kind) {
        if (!name.isComplete()) {
            throw new Rejection.RuleViolated(kind + ".name-required");
        }
        if (workingDays.isEmpty()) {
            throw new Rejection.RuleViolated(kind + ".working-days-required");
        }
    }
}
