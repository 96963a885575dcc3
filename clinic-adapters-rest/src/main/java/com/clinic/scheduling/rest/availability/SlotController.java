package com.clinic.scheduling.rest.availability;

import com.clinic.scheduling.application.availability.SlotQuery;
import com.clinic.scheduling.application.availability.SlotSearch;
import com.clinic.scheduling.domain.availability.Slot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Free slots, computed on request. {@code from} and {@code to} are the branch's local dates
 * (inclusive); each slot comes in real time (UTC) and in the branch's wall-clock time with its zone
 * and that day's offset, so clients never need zone rules of their own.
 */
@Tag(name = "scheduling-availability")
@RestController
class SlotController {

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private final SlotSearch slots;

    SlotController(SlotSearch slots) {
        this.slots = slots;
    }

    record SlotResponse(
            UUID doctorId,
            UUID branchId,
            Instant startUtc,
            Instant endUtc,
            LocalDateTime startLocal,
            LocalDateTime endLocal,
            String zone,
            String utcOffset,
            int remainingCapacity) {

        static SlotResponse of(Slot slot) {
            ZonedDateTime start = slot.range().start().atZone(slot.zone());
            return new SlotResponse(
                    slot.doctorId(),
                    slot.branchId(),
                    slot.range().start(),
                    slot.range().end(),
                    slot.localStart(),
                    slot.localEnd(),
                    slot.zone().getId(),
                    start.format(OFFSET),
                    slot.remainingCapacity());
        }
    }

    record Slots(List<SlotResponse> items) {}

    @Operation(
            operationId = "searchSlots",
            summary = "Search free slots",
            description =
                    "Free slots of a doctor, or of a specialty at a branch, for an appointment type between two of the branch's local dates (inclusive). Each slot comes in UTC and in the branch's wall-clock time with its zone and that day's offset, so clients need no zone rules of their own.")
    @GetMapping("/api/v1/slots")
    Slots search(
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) UUID branchId,
            @RequestParam UUID appointmentTypeId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "50") int limit) {
        SlotQuery query = new SlotQuery(
                Optional.ofNullable(doctorId),
                Optional.ofNullable(specialty).filter(s -> !s.isBlank()),
                Optional.ofNullable(branchId),
                appointmentTypeId,
                from,
                to,
                limit);
        return new Slots(slots.search(query).stream().map(SlotResponse::of).toList());
    }
}
