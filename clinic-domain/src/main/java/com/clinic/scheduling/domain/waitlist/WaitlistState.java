package com.clinic.scheduling.domain.waitlist;

import java.time.Instant;
import java.util.UUID;

/** The lifecycle of an entry: waiting, holding one offer, or closed in one of three ways. */
public sealed interface WaitlistState {

    /** What an entry keeps from its joining for every later decision. */
    record Entry(
            UUID patientId,
            UUID clinicId,
            WaitlistCriteria criteria,
            Urgency urgency,
            Instant joinedAt,
            Instant lapsesAt) {}

    record None() implements WaitlistState {}

    record Waiting(Entry entry) implements WaitlistState {}

    /** At most one offer is open at a time, so this state holds exactly one. */
    record Offered(Entry entry, WaitlistOffer offer) implements WaitlistState {}

    record Fulfilled(Entry entry, UUID appointmentId) implements WaitlistState {}

    record Withdrawn(Entry entry) implements WaitlistState {}

    record Lapsed(Entry entry) implements WaitlistState {}
}
