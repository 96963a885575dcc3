package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.domain.availability.LocalPeriod;
import com.clinic.scheduling.domain.availability.WeeklyInterval;
import com.clinic.scheduling.domain.availability.WorkingHours;
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

    record Interval(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {
        WeeklyInterval toDomain() {
            return new WeeklyInterval(day, start, end);
        }
    }

    /** A weekly pattern valid from {@code effectiveFrom} to {@code effectiveTo} inclusive (open-ended when absent). */
    record Pattern(
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
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
    record Period(@NotNull LocalDateTime start, @NotNull LocalDateTime end) {
        LocalPeriod toDomain() {
            return new LocalPeriod(start, end);
        }
    }

    record Holiday(
            @NotNull LocalDate date,
            @NotBlank @Size(max = 200) String nameAr,
            @NotBlank @Size(max = 200) String nameEn) {}
}
