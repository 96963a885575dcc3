package com.clinic.directory.rest;

import com.clinic.directory.application.clinic.SiteInput;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.Optional;
import java.util.Set;

/** Body of creating or updating a clinic or a branch (a branch without currency uses the clinic's). */
record SiteRequest(
        @NotBlank @Size(max = 200) String nameAr,
        @NotBlank @Size(max = 200) String nameEn,
        @NotBlank @Size(max = 500) String address,
        @NotBlank @ValidPhone String phone,
        @NotBlank @ValidTimeZone String timeZone,
        @ValidCurrency String currency,
        @NotEmpty Set<@NotNull DayOfWeek> workingDays) {

    SiteInput toInput() {
        return new SiteInput(nameAr, nameEn, address, phone, timeZone, Optional.ofNullable(currency), workingDays);
    }
}
