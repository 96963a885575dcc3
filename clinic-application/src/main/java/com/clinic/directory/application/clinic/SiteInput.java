package com.clinic.directory.application.clinic;

import java.time.DayOfWeek;
import java.util.Optional;
import java.util.Set;

/** A clinic's or branch's details as a caller submits them; a branch may omit the currency. */
public record SiteInput(
        String nameAr,
        String nameEn,
        String address,
        String phone,
        String timeZone,
        Optional<String> currency,
        Set<DayOfWeek> workingDays) {}
