package com.clinic.scheduling.application.queue;

import com.clinic.scheduling.domain.queue.QueueKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A queue's id is derived from doctor, branch and day, so every instance (and the check-in handler)
 * addresses the same aggregate without a lookup, and two first walk-ins cannot open two queues.
 */
public final class QueueIds {

    private QueueIds() {}

    public static UUID of(QueueKey key) {
        String name = "clinic-queue:" + key.doctorId() + ":" + key.branchId() + ":" + key.date();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
