package com.clinic.directory.application.port;

import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;

/** A clinic as the directory shows it; {@code version} is the aggregate version, used as the ETag. */
public record ClinicView(
        UUID id,
        String nameAr,
        String nameEn,
        String address,
        String phone,
        String timeZone,
        String currency,
        Set<DayOfWeek> workingDays,
        long version) {}
