package com.clinic.scheduling.domain.appointment;

import com.clinic.platform.domain.Decider;
import com.clinic.platform.domain.Rejection;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.BookAppointment;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Cancel;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.CheckIn;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Complete;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ConfirmHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ExpireHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.HoldSlot;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.MarkNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.ReleaseHold;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.Reschedule;
import com.clinic.scheduling.domain.appointment.AppointmentCommand.StartConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCompleted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentMarkedNoShow;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentRescheduled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.ConsultationStarted;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldConfirmed;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.PatientCheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentState.Booked;
import com.clinic.scheduling.domain.appointment.AppointmentState.Cancelled;
import com.clinic.scheduling.domain.appointment.AppointmentState.CheckedIn;
import com.clinic.scheduling.domain.appointment.AppointmentState.Completed;
import com.clinic.scheduling.domain.appointment.AppointmentState.Expired;
import com.clinic.scheduling.domain.appointment.AppointmentState.Held;
import com.clinic.scheduling.domain.appointment.AppointmentState.InConsultation;
import com.clinic.scheduling.domain.appointment.AppointmentState.NoShow;
import com.clinic.scheduling.domain.appointment.AppointmentState.None;
import java.time.Duration;
import java.util.List;

/**
 * The appointment's rules. Whether the slot is actually free is not decided here: the application
 * claims the doctor's time in PostgreSQL inside the same transaction (see the scheduling ADR), so the
 * decider only judges the lifecycle and the times.
 */
public final class AppointmentDecider implements Decider<AppointmentCommand, AppointmentEvent, AppointmentState> {

    /** A hold may not be longer than this: an abandoned checkout must not lock a slot for long. */
    public static final Duration MAX_HOLD = Duration.ofMinutes(30);

    @Override
    public AppointmentState initialState() {
        return new None();
    }

    @Override
    public List<AppointmentEvent> decide(AppointmentCommand command, AppointmentState state) {
        return switch (command) {
            case HoldSlot hold -> hold(hold, state);
            case BookAppointment book -> book(book, state);
            case ConfirmHold confirm -> confirm(confirm, state);
            case ExpireHold expire -> expire(expire, state);
            case ReleaseHold release -> release(release, state);
            case Reschedule reschedule -> reschedule(reschedule, state);
            case Cancel cancel -> cancel(cancel, state);
            case CheckIn checkIn -> checkIn(checkIn, state);
            case StartConsultation start -> start(start, state);
            case Complete complete -> complete(complete, state);
            case MarkNoShow noShow -> noShow(noShow, state);
        };
    }

    private static List<AppointmentEvent> hold(HoldSlot hold, AppointmentState state) {
        requireNew(state);
        requireFuture(hold.slot(), hold);
        if (!hold.holdUntil().isAfter(hold.at())
                || Duration.between(hold.at(), hold.holdUntil()).compareTo(MAX_HOLD) > 0) {
            throw new Rejection.RuleViolated("appointment.hold-duration-invalid", MAX_HOLD.toMinutes());
        }
        return List.of(new SlotHeld(
                hold.appointmentId(),
                hold.patientId(),
                hold.slot(),
                hold.holdUntil(),
                hold.requestedBy(),
                hold.waitlistEntryId(),
                hold.at()));
    }

    private static List<AppointmentEvent> book(BookAppointment book, AppointmentState state) {
        requireNew(state);
        requireFuture(book.slot(), book);
        return List.of(new AppointmentBooked(
                book.appointmentId(), book.patientId(), book.slot(), book.requestedBy(), book.seriesId(), book.at()));
    }

    private static List<AppointmentEvent> confirm(ConfirmHold confirm, AppointmentState state) {
        return switch (state) {
            case Held held
            when confirm.at().isBefore(held.holdUntil()) ->
                List.of(new HoldConfirmed(
                        confirm.appointmentId(), held.patientId(), held.slot(), confirm.requestedBy(), confirm.at()));
            case Held held -> throw new Rejection.Conflict("appointment.hold-expired");
            case Expired expired -> throw new Rejection.Conflict("appointment.hold-expired");
            case Booked booked -> List.of(); // confirming twice is a retry, not an error
            default -> throw conflict(state);
        };
    }

    private static List<AppointmentEvent> expire(ExpireHold expire, AppointmentState state) {
        if (state instanceof Held held && !expire.at().isBefore(held.holdUntil())) {
            return List.of(new HoldExpired(expire.appointmentId(), held.slot(), held.waitlistEntryId(), expire.at()));
        }
        // Confirmed, cancelled or already expired meanwhile: the deadline has nothing left to do.
        return List.of();
    }

    private static List<AppointmentEvent> release(ReleaseHold release, AppointmentState state) {
        if (state instanceof Held held) {
            return List.of(new AppointmentCancelled(
                    release.appointmentId(),
                    held.slot(),
                    CancellationReason.OTHER,
                    "hold released",
                    false,
                    true,
                    release.requestedBy(),
                    release.at()));
        }
        return List.of();
    }

    private static List<AppointmentEvent> reschedule(Reschedule reschedule, AppointmentState state) {
        if (!(state instanceof Booked booked)) {
            throw conflict(state);
        }
        if (!reschedule.at().isBefore(booked.slot().time().start())) {
            throw new Rejection.Conflict("appointment.already-started");
        }
        if (!booked.slot().doctorId().equals(reschedule.newSlot().doctorId())
                && !booked.slot().clinicId().equals(reschedule.newSlot().clinicId())) {
            throw new Rejection.RuleViolated("appointment.reschedule-across-clinics");
        }
        requireFuture(reschedule.newSlot(), reschedule);
        if (booked.slot().equals(reschedule.newSlot())) {
            return List.of();
        }
        return List.of(new AppointmentRescheduled(
                reschedule.appointmentId(),
                booked.slot(),
                reschedule.newSlot(),
                reschedule.requestedBy(),
                reschedule.at()));
    }

    private static List<AppointmentEvent> cancel(Cancel cancel, AppointmentState state) {
        return switch (state) {
            case Held held ->
                List.of(new AppointmentCancelled(
                        cancel.appointmentId(),
                        held.slot(),
                        cancel.reason(),
                        cancel.note(),
                        false,
                        true,
                        cancel.requestedBy(),
                        cancel.at()));
            case Booked booked -> {
                if (!cancel.at().isBefore(booked.slot().time().start())) {
                    throw new Rejection.Conflict("appointment.already-started");
                }
                boolean late =
                        Duration.between(cancel.at(), booked.slot().time().start())
                                        .compareTo(cancel.lateCancelWindow())
                                < 0;
                yield List.of(new AppointmentCancelled(
                        cancel.appointmentId(),
                        booked.slot(),
                        cancel.reason(),
                        cancel.note(),
                        late,
                        false,
                        cancel.requestedBy(),
                        cancel.at()));
            }
            case Cancelled cancelled -> List.of(); // a repeated cancel changes nothing
            default -> throw conflict(state);
        };
    }

    private static List<AppointmentEvent> checkIn(CheckIn checkIn, AppointmentState state) {
        if (!(state instanceof Booked booked)) {
            throw conflict(state);
        }
        if (checkIn.at().isBefore(booked.slot().time().start().minus(Duration.ofHours(12)))) {
            throw new Rejection.RuleViolated("appointment.check-in-too-early");
        }
        return List.of(new PatientCheckedIn(
                checkIn.appointmentId(), booked.patientId(), booked.slot(), checkIn.requestedBy(), checkIn.at()));
    }

    private static List<AppointmentEvent> start(StartConsultation start, AppointmentState state) {
        if (!(state instanceof CheckedIn checkedIn)) {
            throw conflict(state);
        }
        return List.of(new ConsultationStarted(start.appointmentId(), checkedIn.slot(), start.at()));
    }

    private static List<AppointmentEvent> complete(Complete complete, AppointmentState state) {
        if (!(state instanceof InConsultation consultation)) {
            throw conflict(state);
        }
        return List.of(new AppointmentCompleted(
                complete.appointmentId(), consultation.slot(), consultation.startedAt(), complete.at()));
    }

    private static List<AppointmentEvent> noShow(MarkNoShow noShow, AppointmentState state) {
        if (state instanceof Booked booked) {
            if (noShow.at().isBefore(booked.slot().time().start().plus(noShow.grace()))) {
                if (noShow.automatic()) {
                    return List.of();
                }
                throw new Rejection.Conflict("appointment.no-show-too-early");
            }
            return List.of(new AppointmentMarkedNoShow(
                    noShow.appointmentId(), booked.patientId(), booked.slot(), noShow.automatic(), noShow.at()));
        }
        if (noShow.automatic()) {
            return List.of();
        }
        throw conflict(state);
    }

    @Override
    public AppointmentState evolve(AppointmentState state, AppointmentEvent event) {
        return switch (event) {
            case SlotHeld held -> new Held(held.patientId(), held.slot(), held.holdUntil(), held.waitlistEntryId());
            case AppointmentBooked booked -> new Booked(booked.patientId(), booked.slot());
            case HoldConfirmed confirmed -> new Booked(confirmed.patientId(), confirmed.slot());
            case HoldExpired expired -> new Expired(patientOf(state), expired.slot());
            case AppointmentRescheduled moved -> new Booked(patientOf(state), moved.to());
            case AppointmentCancelled cancelled -> new Cancelled(patientOf(state), cancelled.slot());
            case PatientCheckedIn checkedIn -> new CheckedIn(checkedIn.patientId(), checkedIn.slot(), checkedIn.at());
            case ConsultationStarted started -> new InConsultation(patientOf(state), started.slot(), started.at());
            case AppointmentCompleted completed -> new Completed(patientOf(state), completed.slot());
            case AppointmentMarkedNoShow noShow -> new NoShow(noShow.patientId(), noShow.slot());
        };
    }

    private static java.util.UUID patientOf(AppointmentState state) {
        return switch (state) {
            case None none -> throw new IllegalStateException("no appointment yet");
            case Held s -> s.patientId();
            case Booked s -> s.patientId();
            case CheckedIn s -> s.patientId();
            case InConsultation s -> s.patientId();
            case Completed s -> s.patientId();
            case Cancelled s -> s.patientId();
            case Expired s -> s.patientId();
            case NoShow s -> s.patientId();
        };
    }

    private static void requireNew(AppointmentState state) {
        if (!(state instanceof None)) {
            throw new Rejection.Conflict("appointment.already-exists");
        }
    }

    private static void requireFuture(AppointmentSlot slot, AppointmentCommand command) {
        if (!slot.time().start().isAfter(command.at())) {
            throw new Rejection.RuleViolated("appointment.slot-in-past");
        }
    }

    private static Rejection conflict(AppointmentState state) {
        return new Rejection.Conflict(
                "appointment.invalid-state", state.getClass().getSimpleName());
    }
}
