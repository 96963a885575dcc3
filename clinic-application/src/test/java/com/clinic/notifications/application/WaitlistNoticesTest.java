package com.clinic.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.directory.DirectoryFacts.PatientFacts;
import com.clinic.directory.InMemoryDirectoryFacts;
import com.clinic.notifications.application.port.InAppDelivery.Notice;
import com.clinic.scheduling.WaitlistOfferChanged;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a patient is told when scheduling reports a waiting-list offer made or lapsed. */
class WaitlistNoticesTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final Instant START =
            LocalDateTime.of(2026, 6, 3, 10, 0).atZone(RIYADH).toInstant();
    private static final Instant EXPIRES =
            LocalDateTime.of(2026, 6, 1, 9, 15).atZone(RIYADH).toInstant();
    private static final Instant NOW =
            LocalDateTime.of(2026, 6, 1, 9, 0).atZone(RIYADH).toInstant();

    private final InMemoryDirectoryFacts directory = new InMemoryDirectoryFacts();
    private final List<Notice> sent = new CopyOnWriteArrayList<>();
    private final WaitlistNotices notices = new WaitlistNotices(directory, sent::add);

    private final UUID entry = UUID.randomUUID();
    private final UUID appointment = UUID.randomUUID();
    private final UUID doctor = UUID.randomUUID();
    private final UUID branch = UUID.randomUUID();

    @Test
    void anOfferIsToldToThePatientsLoginWithTheTimesOnTheBranchsClock() {
        UUID user = UUID.randomUUID();
        UUID patient = patient(Optional.of(user));

        notices.on(new WaitlistOfferChanged.Offered(
                entry, patient, appointment, doctor, branch, START, EXPIRES, RIYADH, NOW));

        assertThat(sent)
                .containsExactly(new Notice(
                        user,
                        WaitlistNotices.OFFER_MADE,
                        Map.of(
                                "entryId", entry.toString(),
                                "appointmentId", appointment.toString(),
                                "doctorId", doctor.toString(),
                                "branchId", branch.toString(),
                                "date", "2026-06-03",
                                "time", "10:00",
                                "expiresAt", "09:15"),
                        NOW));
    }

    @Test
    void aLapsedOfferIsToldWithItsOwnTemplate() {
        UUID user = UUID.randomUUID();

        notices.on(new WaitlistOfferChanged.Expired(
                entry, patient(Optional.of(user)), appointment, doctor, branch, START, EXPIRES, RIYADH, NOW));

        assertThat(sent)
                .extracting(Notice::recipientUserId, Notice::template)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(user, WaitlistNotices.OFFER_EXPIRED));
    }

    @Test
    void aPatientWithoutALoginIsToldNothingInApp() {
        notices.on(new WaitlistOfferChanged.Offered(
                entry, patient(Optional.empty()), appointment, doctor, branch, START, EXPIRES, RIYADH, NOW));

        assertThat(sent).isEmpty();
    }

    private UUID patient(Optional<UUID> userId) {
        UUID patientId = UUID.randomUUID();
        directory.patients.put(patientId, new PatientFacts(patientId, UUID.randomUUID(), branch, userId, "ar", false));
        return patientId;
    }
}
