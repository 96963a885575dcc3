package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.application.availability.AppointmentTypeInput;
import com.clinic.scheduling.domain.availability.BilingualName;
import com.clinic.scheduling.domain.availability.BookingRules;
import com.clinic.scheduling.domain.availability.Price;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

/**
 * An appointment type as clients send it, durations in minutes and the horizon in days. Omitted
 * buffers and notice are zero, omitted capacity is one (no overbooking), and an omitted slot interval
 * is the duration plus both buffers (so back-to-back bookings tile the day); like every other field it
 * is sent again on each update, or falls back to that default. {@code clinicId} is read on creation
 * only; a type never moves to another clinic.
 */
record AppointmentTypeRequest(
        UUID clinicId,
        @Schema(example = "فحص عام") @NotBlank @Size(max = 200) String nameAr,
        @Schema(example = "General check-up") @NotBlank @Size(max = 200) String nameEn,
        @Schema(example = "20") @NotNull @Min(1) @Max(720) Integer durationMinutes,
        @Min(0) @Max(720) Integer bufferBeforeMinutes,
        @Schema(example = "5") @Min(0) @Max(720) Integer bufferAfterMinutes,
        @Schema(example = "60") @Min(0) @Max(525_600) Integer minimumNoticeMinutes,
        @Schema(example = "60") @NotNull @Min(1) @Max(730) Integer horizonDays,
        @Min(1) @Max(50) Integer capacity,
        @Min(1) @Max(720) Integer slotIntervalMinutes,
        Boolean virtual,
        @Schema(example = "250.00") @NotNull @DecimalMin("0") BigDecimal price,
        @Schema(description = "ISO 4217", example = "SAR") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    AppointmentTypeInput toInput() {
        return new AppointmentTypeInput(
                new BilingualName(nameAr, nameEn),
                new BookingRules(
                        Duration.ofMinutes(durationMinutes),
                        Duration.ofMinutes(orZero(bufferBeforeMinutes)),
                        Duration.ofMinutes(orZero(bufferAfterMinutes)),
                        Duration.ofMinutes(orZero(minimumNoticeMinutes)),
                        Duration.ofDays(horizonDays),
                        capacity == null ? 1 : capacity,
                        slotIntervalMinutes == null ? null : Duration.ofMinutes(slotIntervalMinutes)),
                Boolean.TRUE.equals(virtual),
                new Price(price, currency));
    }

    private static int orZero(Integer minutes) {
        return minutes == null ? 0 : minutes;
    }
}
