package com.clinic.scheduling.rest.waitlist;

import com.clinic.scheduling.application.waitlist.JoinRequest;
import com.clinic.scheduling.domain.waitlist.TimeOfDayRange;
import com.clinic.scheduling.domain.waitlist.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request bodies of the waiting-list endpoints. */
final class WaitlistRequests {

    private WaitlistRequests() {}

    /** {@code from}/{@code to} of a time of day, branch wall-clock, e.g. "08:00" to "12:00" ("00:00" = end of day). */
    record TimeOfDay(@NotNull LocalTime from, @NotNull LocalTime to) {

        TimeOfDayRange toRange() {
            return new TimeOfDayRange(from, to);
        }
    }

    /**
     * Join the waiting list: for a doctor ({@code doctorId}) or any doctor of a specialty
     * ({@code specialty}) at a branch. Patients leave {@code patientId} out; staff give it.
     */
    record Join(
            UUID patientId,
            UUID doctorId,
            @Size(min = 1, max = 50) @Pattern(regexp = "\\S.*", message = "must not be blank") String specialty,
            @NotNull UUID branchId,
            @NotNull UUID appointmentTypeId,
            @NotNull LocalDate from,
            @NotNull LocalDate to,
            @Size(max = 6) List<@NotNull @Valid TimeOfDay> timesOfDay,
            Urgency urgency) {

        JoinRequest toRequest() {
            return new JoinRequest(
                    Optional.ofNullable(patientId),
                    Optional.ofNullable(doctorId),
                    Optional.ofNullable(specialty),
                    branchId,
                    appointmentTypeId,
                    from,
                    to,
                    timesOfDay == null
                            ? List.of()
                            : timesOfDay.stream().map(TimeOfDay::toRange).toList(),
                    Optional.ofNullable(urgency));
        }
    }

    /** Which offer the answer is about; optional, but a client that shows offers should send it. */
    record OfferAnswer(UUID appointmentId) {}
}
