package com.clinic.scheduling.application.appointment;

import com.clinic.scheduling.AppointmentStanding;
import com.clinic.scheduling.domain.appointment.AppointmentDecider;
import com.clinic.scheduling.domain.appointment.AppointmentEvent;
import com.clinic.scheduling.domain.appointment.AppointmentState;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Folds the appointment's stream with its own decider: the same state the next command would see. */
@Component
class EventSourcedAppointmentStanding implements AppointmentStanding {

    private static final AppointmentDecider DECIDER = new AppointmentDecider();

    private final EventStore events;

    EventSourcedAppointmentStanding(EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<Holding> current(UUID appointmentId) {
        AppointmentState state = DECIDER.initialState();
        var stream = events.readEvents(appointmentId.toString());
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof AppointmentEvent event) {
                state = DECIDER.evolve(state, event);
            }
        }
        return switch (state) {
            case AppointmentState.Held held ->
                Optional.of(new Holding(
                        Standing.HELD, held.patientId(), held.slot().time().start()));
            case AppointmentState.Booked booked ->
                Optional.of(new Holding(
                        Standing.BOOKED,
                        booked.patientId(),
                        booked.slot().time().start()));
            case AppointmentState.CheckedIn in ->
                Optional.of(new Holding(
                        Standing.BOOKED, in.patientId(), in.slot().time().start()));
            case AppointmentState.InConsultation in ->
                Optional.of(new Holding(
                        Standing.BOOKED, in.patientId(), in.slot().time().start()));
            default -> Optional.empty();
        };
    }
}
