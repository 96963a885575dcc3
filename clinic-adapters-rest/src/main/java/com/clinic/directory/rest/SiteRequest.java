package com.clinic.directory.rest;

import com.clinic.directory.application.clinic.SiteInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.Optional;
import java.util.Set;

/** Body of creating or updating a clinic or a branch (a branch without currency uses the clinic's). */
record SiteRequest(
        @Schema(example = "مجمع الشفاء الطبي") @NotBlank @Size(max = 200) String nameAr,
        @Schema(example = "Al Shifa Medical") @NotBlank @Size(max = 200) String nameEn,
        @Schema(example = "King Fahd Road, Al Olaya, Riyadh 12214") @NotBlank @Size(max = 500) String address,
        @Schema(description = "E.164", example = "+966112345678") @NotBlank @ValidPhone String phone,
        @Schema(description = "An IANA time zone", example = "Asia/Riyadh") @NotBlank @ValidTimeZone String timeZone,
        @Schema(description = "ISO 4217", example = "SAR") @ValidCurrency String currency,
        @Schema(example = "[\"SUNDAY\", \"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\"]") @NotEmpty
                Set<@NotNull DayOfWeek> workingDays) {

    SiteInput toInput() {
        return new SiteInput(nameAr, nameEn, address, phone, timeZone, Optional.ofNullable(currency), workingDays);
    }
}
