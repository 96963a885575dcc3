package com.clinic.scheduling.persistence.waitlist;

import static com.clinic.scheduling.persistence.waitlist.Waitlist.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.persistence.PostgresTestDatabase;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.Candidate;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.CandidateQuery;
import com.clinic.scheduling.application.waitlist.port.WaitlistReadModel.Filter;
import com.clinic.scheduling.domain.waitlist.Urgency;
import com.clinic.scheduling.domain.waitlist.WaitlistCriteria;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.EntryWithdrawn;
import com.clinic.scheduling.domain.waitlist.WaitlistEvent.OfferMade;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The waiting list in ranking order (urgency, then time joined, then id), with each open entry's place. */
@ExtendWith(PostgresTestDatabase.class)
class JooqWaitlistReadModelTest {

    private final WaitlistEntryProjection projection;
    private final JooqWaitlistReadModel waitlists;
    private final Waitlist waitlist = new Waitlist();
    private final UUID doctor = id(900);
    private final UUID patient = id(800);

    JooqWaitlistReadModelTest(DSLContext db) {
        this.projection = new WaitlistEntryProjection(db);
        this.waitlists = new JooqWaitlistReadModel(db);
    }

    @Test
    void anOpenEntrysPositionCountsTheOpenEntriesOfItsOwnQueueRankedBeforeIt() {
        join(id(1), waitlist.forDoctor(doctor), Urgency.ROUTINE, 0);
        join(id(2), waitlist.forDoctor(doctor), Urgency.URGENT, 10);
        join(id(3), waitlist.forDoctor(doctor), Urgency.ROUTINE, 5);
        join(id(4), waitlist.forDoctor(id(901)), Urgency.URGENT, 0);
        join(id(5), waitlist.forSpecialty("dermatology"), Urgency.URGENT, 0);
        join(id(6), waitlist.forDoctor(doctor), Urgency.URGENT, 1);
        projection.on(new OfferMade(id(6), patient, waitlist.offer(doctor), Waitlist.T0), 1);
        join(id(7), waitlist.forDoctor(doctor), Urgency.URGENT, 2);
        projection.on(new EntryWithdrawn(id(7), patient, Optional.empty(), patient, Waitlist.T0), 1);

        assertThat(position(id(6))).contains(1);
        assertThat(position(id(2))).contains(2);
        assertThat(position(id(1))).contains(3);
        assertThat(position(id(3))).contains(4);
        assertThat(position(id(4))).as("another doctor's queue").contains(1);
        assertThat(position(id(5))).as("the specialty's queue").contains(1);
        assertThat(position(id(7))).as("a closed entry has no place").isEmpty();
    }

    @Test
    void anEntryReadsBackWithItsCriteriaOfferAndVersion() {
        join(id(1), waitlist.forDoctor(doctor), Urgency.SOON, 0);
        var offer = waitlist.offer(doctor);
        projection.on(new OfferMade(id(1), patient, offer, Waitlist.T0), 1);

        WaitlistEntryView view = waitlists.entry(id(1)).orElseThrow();

        assertThat(view.doctorId()).contains(doctor);
        assertThat(view.specialty()).isEmpty();
        assertThat(view.timesOfDay()).isEqualTo(Waitlist.MORNINGS_AND_LATE);
        assertThat(view.status()).isEqualTo(WaitlistEntryStatus.OFFERED);
        assertThat(view.offer()).hasValueSatisfying(o -> {
            assertThat(o.appointmentId()).isEqualTo(offer.appointmentId());
            assertThat(o.end()).isEqualTo(offer.end());
        });
        assertThat(view.version()).isEqualTo(1);
        assertThat(waitlists.entry(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listingsFilterAndPageInRankingOrderAcrossEntriesJoinedAtTheSameMicrosecond() {
        join(id(3), waitlist.forDoctor(doctor), Urgency.ROUTINE, 0);
        join(id(1), waitlist.forDoctor(doctor), Urgency.ROUTINE, 0);
        join(id(2), waitlist.forDoctor(doctor), Urgency.ROUTINE, 0);
        join(id(4), waitlist.forDoctor(doctor), Urgency.URGENT, 60);
        projection.on(waitlist.joined(id(5), id(801), waitlist.forDoctor(doctor), Urgency.URGENT, Waitlist.T0), 0);
        Filter mine = new Filter(
                Optional.of(patient), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        Page<WaitlistEntryView> first = waitlists.list(mine, PageRequest.first(2));
        Page<WaitlistEntryView> rest = waitlists.list(mine, new PageRequest(2, first.nextCursor()));

        assertThat(ids(first)).containsExactly(id(4), id(1));
        assertThat(ids(rest)).containsExactly(id(2), id(3));
        assertThat(rest.nextCursor()).isEmpty();
        assertThat(ids(waitlists.list(
                        new Filter(
                                Optional.empty(),
                                Optional.of(waitlist.clinic),
                                Optional.of(waitlist.branch),
                                Optional.of(doctor),
                                Optional.of(WaitlistEntryStatus.WAITING)),
                        PageRequest.first(10))))
                .containsExactly(id(5), id(4), id(1), id(2), id(3));
    }

    @Test
    void candidatesForAFreedSlotAreTheWaitingEntriesForThatDoctorOrItsSpecialtiesWhoseWindowCoversIt() {
        join(id(1), waitlist.forDoctor(doctor), Urgency.ROUTINE, 0);
        join(id(2), waitlist.forSpecialty("dermatology"), Urgency.URGENT, 0);
        join(id(3), waitlist.forSpecialty("cardiology"), Urgency.URGENT, 0);
        join(id(4), waitlist.forDoctor(id(901)), Urgency.URGENT, 0);
        join(id(5), waitlist.forDoctor(doctor), Urgency.SOON, 0);
        projection.on(new OfferMade(id(5), patient, waitlist.offer(doctor), Waitlist.T0), 1);
        join(id(6), waitlist.forDoctor(doctor), Urgency.SOON, 0);

        assertThat(candidates(Set.of("dermatology"), Waitlist.FROM, Waitlist.FROM, Set.of(), 10))
                .containsExactly(id(2), id(6), id(1));
        assertThat(candidates(Set.of(), Waitlist.TO, Waitlist.TO.plusDays(3), Set.of(id(6)), 10))
                .containsExactly(id(1));
        assertThat(candidates(Set.of("dermatology"), Waitlist.FROM, Waitlist.TO, Set.of(), 1))
                .containsExactly(id(2));
        assertThat(candidates(Set.of(), Waitlist.TO.plusDays(1), Waitlist.TO.plusDays(3), Set.of(), 10))
                .isEmpty();
    }

    @Test
    void aCandidateCarriesTheCriteriaItWasJoinedWith() {
        WaitlistCriteria criteria = waitlist.forDoctor(doctor);
        join(id(1), criteria, Urgency.SOON, 0);

        List<Candidate> found = waitlists.candidates(
                new CandidateQuery(doctor, waitlist.branch, Set.of(), Waitlist.FROM, Waitlist.TO, Set.of(), 5));

        assertThat(found).containsExactly(new Candidate(id(1), patient, criteria, Urgency.SOON, Waitlist.T0));
    }

    @Test
    void aPatientsOpenEntryIsFoundOnlyForTheSameCriteria() {
        join(id(1), waitlist.forDoctor(doctor), Urgency.SOON, 0);
        join(id(2), waitlist.forSpecialty("dermatology"), Urgency.SOON, 0);
        join(id(3), waitlist.forSpecialty("cardiology"), Urgency.SOON, 0);
        projection.on(new EntryWithdrawn(id(3), patient, Optional.empty(), patient, Waitlist.T0), 1);

        assertThat(waitlists.openEntryFor(patient, waitlist.forDoctor(doctor))).contains(id(1));
        assertThat(waitlists.openEntryFor(patient, waitlist.forSpecialty("dermatology")))
                .contains(id(2));
        assertThat(waitlists.openEntryFor(patient, waitlist.forSpecialty("cardiology")))
                .as("withdrawn")
                .isEmpty();
        assertThat(waitlists.openEntryFor(patient, waitlist.forDoctor(id(901)))).isEmpty();
        assertThat(waitlists.openEntryFor(id(801), waitlist.forDoctor(doctor))).isEmpty();
    }

    @Test
    void aForgedCursorIsRefused() {
        Filter all =
                new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> waitlists.list(all, new PageRequest(2, Optional.of("MXwy"))))
                .isInstanceOf(Rejection.RuleViolated.class)
                .hasMessage("page.cursor-invalid");
    }

    private void join(UUID entry, WaitlistCriteria criteria, Urgency urgency, int secondsAfterT0) {
        projection.on(waitlist.joined(entry, patient, criteria, urgency, Waitlist.T0.plusSeconds(secondsAfterT0)), 0);
    }

    private Optional<Integer> position(UUID entry) {
        return waitlists.entry(entry).orElseThrow().position();
    }

    private List<UUID> candidates(
            Set<String> specialties, LocalDate first, LocalDate last, Set<UUID> excluded, int limit) {
        return waitlists
                .candidates(new CandidateQuery(doctor, waitlist.branch, specialties, first, last, excluded, limit))
                .stream()
                .map(Candidate::entryId)
                .toList();
    }

    private static List<UUID> ids(Page<WaitlistEntryView> page) {
        return page.items().stream().map(WaitlistEntryView::entryId).toList();
    }
}
