package com.clinic.scheduling.waitlist;

import com.clinic.scheduling.application.appointment.WaitlistBooking;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for the bookings side of {@link WaitlistBooking} until the appointments engineer's
 * implementation exists (then it steps aside: see {@link SchedulingContractDoubles}). A time of a
 * doctor can be held once until released; holds are kept in memory, as if each were a claim row.
 */
public final class FakeWaitlistBooking implements WaitlistBooking {

    public record Hold(
            UUID appointmentId,
            UUID patientId,
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            Instant start,
            Instant holdUntil,
            UUID entryId) {}

    private final List<Hold> holds = new CopyOnWriteArrayList<>();
    private final Set<UUID> released = ConcurrentHashMap.newKeySet();
    private final List<UUID> releases = new CopyOnWriteArrayList<>();
    private final List<UUID> confirmations = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Optional<UUID> holdForOffer(
            UUID patientId,
            UUID doctorId,
            UUID branchId,
            UUID appointmentTypeId,
            Instant start,
            Instant holdUntil,
            UUID waitlistEntryId) {
        boolean taken = holds.stream()
                .anyMatch(hold -> hold.doctorId().equals(doctorId)
                        && hold.start().equals(start)
                        && !released.contains(hold.appointmentId()));
        if (taken) {
            return Optional.empty();
        }
        UUID appointmentId = UUID.randomUUID();
        holds.add(new Hold(
                appointmentId, patientId, doctorId, branchId, appointmentTypeId, start, holdUntil, waitlistEntryId));
        return Optional.of(appointmentId);
    }

    @Override
    public void confirmOffer(UUID appointmentId, UUID actingUserId) {
        confirmations.add(appointmentId);
    }

    @Override
    public void releaseOffer(UUID appointmentId, UUID actingUserId) {
        released.add(appointmentId);
        releases.add(appointmentId);
    }

    public List<Hold> holdsOf(UUID doctorId) {
        return holds.stream().filter(hold -> hold.doctorId().equals(doctorId)).toList();
    }

    public List<UUID> releases() {
        return List.copyOf(releases);
    }

    public List<UUID> confirmations() {
        return List.copyOf(confirmations);
    }
}
