package com.clinic.scheduling.waitlist;

import com.clinic.scheduling.application.availability.SlotQuery;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.domain.availability.Slot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stand-in for availability's {@link SlotSearch}: returns the slots a test declared, nothing else. */
public final class FakeSlotSearch implements SlotSearch {

    private final List<Slot> slots = new CopyOnWriteArrayList<>();

    public void add(Slot slot) {
        slots.add(slot);
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        return slots.stream()
                .filter(slot -> query.doctorId().map(slot.doctorId()::equals).orElse(true))
                .filter(slot -> query.branchId().map(slot.branchId()::equals).orElse(true))
                .limit(query.limit())
                .toList();
    }

    @Override
    public boolean isFree(UUID doctorId, UUID branchId, UUID appointmentTypeId, Instant start) {
        return true;
    }
}
