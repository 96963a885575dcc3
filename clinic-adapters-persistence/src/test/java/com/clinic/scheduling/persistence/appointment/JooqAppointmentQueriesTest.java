package com.clinic.scheduling.persistence.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.directory.DirectoryFacts.Names;
import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.platform.persistence.ProjectionWrites;
import com.clinic.scheduling.application.appointment.AppointmentView;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentBooked;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.AppointmentCancelled;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.HoldExpired;
import com.clinic.scheduling.domain.appointment.AppointmentEvent.SlotHeld;
import com.clinic.scheduling.domain.appointment.AppointmentSlot;
import com.clinic.scheduling.domain.appointment.CancellationReason;
import com.clinic.scheduling.persistence.Slots;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqAppointmentQueriesTest {

    private static final Instant DAY = Instant.parse("2026-07-01T00:00:00Z");

    private final AppointmentProjection projection;
    private final InMemoryDirectoryFacts directory = new InMemoryDirectoryFacts();
    private final JooqAppointmentQueries queries;
    private final Slots riyadh = Slots.anywhere();
    private final Slots jeddah = new Slots(riyadh.clinicId(), UUID.randomUUID(), UUID.randomUUID());
    private final UUID doctor = id(900);
    private final UUID patient = id(800);

    JooqAppointmentQueriesTest(DSLContext db, ProjectionWrites writes) {
        this.projection = new AppointmentProjection(db, writes);
        this.queries = new JooqAppointmentQueries(db, directory);
    }

    @Test
    void anAppointmentIsReadWithThePatientsAndDoctorsNamesFromTheDirectory() {
        UUID unnamedPatient = UUID.randomUUID();
        book(id(1), patient, riyadh.slot(doctor, at(9), 30));
        book(id(2), unnamedPatient, riyadh.slot(doctor, at(10), 30));
        directory.names.put(patient, new Names("عمر", "Omar"));
        directory.names.put(doctor, new Names("د. ليلى", "Dr Layla"));

        assertThat(queries.find(id(1))).hasValueSatisfying(view -> {
            assertThat(view.patientNameEn()).isEqualTo("Omar");
            assertThat(view.doctorNameAr()).isEqualTo("د. ليلى");
            assertThat(view.start()).isEqualTo(at(9));
            assertThat(view.end()).isEqualTo(at(9).plusSeconds(1800));
            assertThat(view.status()).isEqualTo("BOOKED");
        });
        assertThat(queries.find(id(2))).hasValueSatisfying(view -> {
            assertThat(view.patientNameEn()).isNull();
            assertThat(view.doctorNameEn()).isEqualTo("Dr Layla");
        });
        assertThat(queries.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aDoctorsAgendaHoldsTheLiveAppointmentsStartingInTheHalfOpenRangeInTimeOrder() {
        book(id(1), id(801), riyadh.slot(doctor, at(11), 30));
        book(id(2), id(802), jeddah.slot(doctor, at(9), 30));
        book(id(3), id(803), riyadh.slot(doctor, at(10), 30));
        hold(id(4), id(804), riyadh.slot(doctor, at(12), 30));
        book(id(5), id(805), riyadh.slot(doctor, at(13), 30));
        cancel(id(5), riyadh.slot(doctor, at(13), 30));
        hold(id(6), id(806), riyadh.slot(doctor, at(14), 30));
        expire(id(6), riyadh.slot(doctor, at(14), 30));
        book(id(7), id(807), riyadh.slot(doctor, at(17), 30));
        book(id(8), id(808), riyadh.slot(id(901), at(10), 30));

        assertThat(ids(queries.agenda(doctor, Optional.empty(), at(9), at(17))))
                .containsExactly(id(2), id(3), id(1), id(4));
        assertThat(ids(queries.agenda(doctor, Optional.of(riyadh.branchId()), at(9), at(17))))
                .containsExactly(id(3), id(1), id(4));
    }

    @Test
    void aBranchCalendarHoldsEveryDoctorsAppointmentsThereOrderedByStartThenDoctor() {
        UUID otherDoctor = id(950);
        book(id(1), id(801), riyadh.slot(otherDoctor, at(10), 30));
        book(id(2), id(802), riyadh.slot(doctor, at(10), 30));
        book(id(3), id(803), riyadh.slot(doctor, at(9), 30));
        book(id(4), id(804), jeddah.slot(doctor, at(9), 30));

        assertThat(ids(queries.branchCalendar(riyadh.branchId(), Optional.empty(), at(0), at(24))))
                .containsExactly(id(3), id(2), id(1));
        assertThat(ids(queries.branchCalendar(riyadh.branchId(), Optional.of(otherDoctor), at(0), at(24))))
                .containsExactly(id(1));
    }

    @Test
    void aPatientsUpcomingAppointmentsPageForwardAndTheirPastOnesBackwardFromNow() {
        Instant now = at(12);
        book(id(1), patient, riyadh.slot(id(901), at(9), 30));
        book(id(2), patient, riyadh.slot(id(902), at(10), 30));
        book(id(3), patient, riyadh.slot(id(903), at(14), 30));
        book(id(5), patient, riyadh.slot(id(905), at(15), 30));
        book(id(4), patient, riyadh.slot(id(904), at(15), 30));
        book(id(6), patient, riyadh.slot(id(906), at(12), 30));
        book(id(7), id(899), riyadh.slot(id(907), at(16), 30));

        Page<AppointmentView> upcoming = queries.ofPatient(patient, true, now, PageRequest.first(2));
        Page<AppointmentView> later = queries.ofPatient(patient, true, now, new PageRequest(2, upcoming.nextCursor()));
        Page<AppointmentView> past = queries.ofPatient(patient, false, now, PageRequest.first(1));
        Page<AppointmentView> earlier = queries.ofPatient(patient, false, now, new PageRequest(5, past.nextCursor()));

        assertThat(ids(upcoming.items())).containsExactly(id(6), id(3));
        assertThat(ids(later.items())).containsExactly(id(4), id(5));
        assertThat(later.nextCursor()).isEmpty();
        assertThat(ids(past.items())).containsExactly(id(2));
        assertThat(ids(earlier.items())).containsExactly(id(1));
        assertThat(earlier.nextCursor()).isEmpty();
    }

    @Test
    void aForgedCursorIsRefused() {
        assertThatThrownBy(() -> queries.ofPatient(patient, true, DAY, new PageRequest(2, Optional.of("bm9wZQ"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    private void book(UUID appointment, UUID who, AppointmentSlot slot) {
        projection.on(new AppointmentBooked(appointment, who, slot, who, Optional.empty(), DAY), 0, DAY);
    }

    private void hold(UUID appointment, UUID who, AppointmentSlot slot) {
        projection.on(new SlotHeld(appointment, who, slot, DAY, who, Optional.empty(), DAY), 0, DAY);
    }

    private void cancel(UUID appointment, AppointmentSlot slot) {
        projection.on(
                new AppointmentCancelled(
                        appointment, slot, CancellationReason.OTHER, "", false, false, UUID.randomUUID(), DAY),
                1,
                DAY);
    }

    private void expire(UUID appointment, AppointmentSlot slot) {
        projection.on(new HoldExpired(appointment, slot, Optional.empty(), DAY), 1, DAY);
    }

    private static Instant at(int hour) {
        return DAY.plusSeconds(hour * 3600L);
    }

    /** UUIDs PostgreSQL and the test order alike (by their bytes). */
    private static UUID id(int n) {
        return UUID.fromString("00000000-0000-4000-8000-%012d".formatted(n));
    }

    private static List<UUID> ids(List<AppointmentView> views) {
        return views.stream().map(AppointmentView::appointmentId).toList();
    }
}
