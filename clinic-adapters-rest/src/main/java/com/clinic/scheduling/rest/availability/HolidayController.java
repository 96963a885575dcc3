package com.clinic.scheduling.rest.availability;

import com.clinic.platform.domain.Actor;
import com.clinic.scheduling.application.availability.HolidayView;
import com.clinic.scheduling.application.availability.ScheduleService;
import com.clinic.scheduling.domain.availability.BilingualName;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A branch's holidays: closed for every doctor. Anyone signed in may see them; the desk and managers set them. */
@Tag(name = "scheduling-availability")
@RestController
@RequestMapping("/api/v1/branches/{branchId}/holidays")
class HolidayController {

    private final ScheduleService schedules;

    HolidayController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    record HolidayResponse(LocalDate date, String nameAr, String nameEn) {
        static HolidayResponse of(HolidayView view) {
            return new HolidayResponse(view.date(), view.nameAr(), view.nameEn());
        }
    }

    record Holidays(UUID branchId, List<HolidayResponse> items) {}

    @Operation(
            operationId = "declareHoliday",
            summary = "Declare a holiday",
            description = "The branch is closed that day for every doctor: no slots are offered.")
    @PostMapping
    ResponseEntity<HolidayResponse> declare(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID branchId,
            @Valid @RequestBody ScheduleRequests.Holiday request) {
        BilingualName name = new BilingualName(request.nameAr(), request.nameEn());
        schedules.declareHoliday(actor, branchId, request.date(), name);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{date}")
                .buildAndExpand(Map.of("date", request.date()))
                .toUri();
        return ResponseEntity.created(location).body(new HolidayResponse(request.date(), name.ar(), name.en()));
    }

    @Operation(
            operationId = "removeHoliday",
            summary = "Remove a holiday",
            description = "The branch opens again that day.")
    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID branchId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        schedules.cancelHoliday(actor, branchId, date);
    }

    @Operation(
            operationId = "listHolidays",
            summary = "List a branch's holidays",
            description = "The branch's holidays between two dates.")
    @GetMapping
    Holidays list(
            @PathVariable UUID branchId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return new Holidays(
                branchId,
                schedules.holidays(branchId, from, to).stream()
                        .map(HolidayResponse::of)
                        .toList());
    }
}
