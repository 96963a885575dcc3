package com.clinic.scheduling.application.availability;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Identifiers of the aggregates that exist once per doctor and branch, or once per branch. They are
 * derived from those ids (name-based UUIDs), so two receptionists defining the same schedule at the
 * same moment address one stream and the second write fails cleanly instead of creating a twin.
 */
public final class AvailabilityIds {

    private AvailabilityIds() {}

    public static UUID scheduleId(UUID doctorId, UUID branchId) {
        return nameBased("doctor-schedule:" + doctorId + ":" + branchId);
    }

    public static UUID calendarId(UUID branchId) {
        return nameBased("branch-calendar:" + branchId);
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
