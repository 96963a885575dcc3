package com.clinic.scheduling.persistence.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.port.AppointmentParties.Parties;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.persistence.Slots;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who an appointment concerns, as the claim ledger records it with the first claim. */
@ExtendWith(PostgresTestDatabase.class)
class JooqAppointmentPartiesTest {

    private final SlotClaimLedger ledger;
    private final JooqAppointmentParties parties;

    JooqAppointmentPartiesTest(DSLContext db) {
        this.ledger = new SlotClaimLedger(db);
        this.parties = new JooqAppointmentParties(db);
    }

    @Test
    void anAppointmentsPartiesAreFoundAndOutliveItsCancellation() {
        Slots slots = Slots.anywhere();
        UUID appointment = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID doctor = UUID.randomUUID();
        AppointmentSlot slot = slots.slot(doctor, Instant.parse("2026-07-01T09:00:00Z"), 30);
        ledger.on(new AppointmentBooked(appointment, patient, slot, patient, Optional.empty(), Instant.now()));

        Parties expected = new Parties(appointment, patient, doctor, slots.branchId(), slots.clinicId());
        assertThat(parties.find(appointment)).contains(expected);

        ledger.on(new AppointmentCancelled(
                appointment, slot, CancellationReason.OTHER, "", false, false, patient, Instant.now()));
        assertThat(parties.find(appointment)).contains(expected);
        assertThat(parties.find(UUID.randomUUID())).isEmpty();
    }
}
