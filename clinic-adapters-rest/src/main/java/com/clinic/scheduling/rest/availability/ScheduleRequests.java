package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Request bodies of the schedule and holiday endpoints. Times are the branch's wall-clock times
 * (no offset): the branch's zone turns them into real time, on every day anew.
 */
final class ScheduleRequests {

    private ScheduleRequests() {}

    record Interval(
            @Schema(example = "SUNDAY") @NotNull DayOfWeek day,
            @Schema(type = "string", description = "The branch's wall-clock time", example = "09:00") @NotNull
                    LocalTime start,
            @Schema(type = "string", description = "The branch's wall-clock time", example = "13:00") @NotNull
                    LocalTime end) {
        WeeklyInterval toDomain() {
            return new WeeklyInterval(day, start, end);
        }
    }

    /** A weekly pattern valid from {@code effectiveFrom} to {@code effectiveTo} inclusive (open-ended when absent). */
    record Pattern(
            @Schema(example = "2027-01-03") @NotNull LocalDate effectiveFrom,
            @Schema(description = "Inclusive; open-ended when absent") LocalDate effectiveTo,
            @NotNull @Size(max = 70) List<@NotNull @Valid Interval> intervals) {
        WorkingHours toDomain() {
            return new WorkingHours(
                    intervals.stream().map(Interval::toDomain).toList(),
                    effectiveFrom,
                    Optional.ofNullable(effectiveTo));
        }
    }

    record Schedule(@NotNull @Size(max = 24) List<@NotNull @Valid Pattern> workingHours) {
        List<WorkingHours> toDomain() {
            return workingHours.stream().map(Pattern::toDomain).toList();
        }
    }

    /** Time off or an extra session: a stretch of local time. */
    record Period(
            @Schema(
                            type = "string",
                            description = "The branch's wall-clock time, without an offset",
                            example = "2027-01-10T09:00:00")
                    @NotNull
                    LocalDateTime start,
            @Schema(
                            type = "string",
                            description = "The branch's wall-clock time, without an offset",
                            example = "2027-01-10T13:00:00")
                    @NotNull
                    LocalDateTime end) {
        LocalPeriod toDomain() {
            return new LocalPeriod(start, end);
        }
    }

    record Holiday(
            @Schema(example = "2027-09-23") @NotNull LocalDate date,
            @Schema(example = "اليوم الوطني") @NotBlank @Size(max = 200) String nameAr,
            @Schema(example = "National Day") @NotBlank @Size(max = 200) String nameEn) {}
}
