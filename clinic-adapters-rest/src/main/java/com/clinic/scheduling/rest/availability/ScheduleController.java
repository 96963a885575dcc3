package com.clinic.scheduling.rest.availability;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.rest.ETags;
import com.clinic.scheduling.application.availability.ScheduleService;
import com.clinic.scheduling.application.availability.ScheduleService.Added;
import com.clinic.scheduling.application.availability.ScheduleService.Precondition;
import com.clinic.scheduling.application.availability.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A doctor's schedule at a branch. The weekly patterns are replaced as a whole with PUT, which must
 * say what it is based on: {@code If-Match} with the ETag read, or {@code If-None-Match: *} to create
 * it. Time off and extra sessions are added and removed one by one; {@code If-Match} is optional there.
 */
@Tag(name = "scheduling-availability")
@RestController
@RequestMapping("/api/v1/doctors/{doctorId}/branches/{branchId}/schedule")
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    record Created(UUID id) {}

    @Operation(
            operationId = "defineSchedule",
            summary = "Define a doctor's weekly schedule",
            description =
                    "Replaces the doctor's weekly working patterns at the branch as a whole. Must say what it is based on: If-Match with the ETag read, or If-None-Match: * to create the schedule (201); 428 with neither.")
    @PutMapping
    ResponseEntity<Void> define(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @Valid @RequestBody ScheduleRequests.Schedule request) {
        Precondition precondition = precondition(ifMatch, ifNoneMatch);
        long version = schedules.defineWorkingHours(actor, doctorId, branchId, request.toDomain(), precondition);
        if (precondition instanceof Precondition.NoneYet) {
            URI self = ServletUriComponentsBuilder.fromCurrentRequest().build().toUri();
            return ResponseEntity.created(self).eTag(ETags.of(version)).build();
        }
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "getSchedule",
            summary = "Get a doctor's schedule",
            description =
                    "The doctor's weekly patterns, time off and extra sessions at the branch, with the schedule's ETag.")
    @GetMapping
    ResponseEntity<ScheduleResponse> get(
            @AuthenticationPrincipal Actor actor, @PathVariable UUID doctorId, @PathVariable UUID branchId) {
        ScheduleView view = schedules.schedule(actor, doctorId, branchId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(ScheduleResponse.of(view));
    }

    @Operation(
            operationId = "addTimeOff",
            summary = "Add time off",
            description = "A period the doctor does not work at the branch. If-Match is optional.")
    @PostMapping("/time-off")
    ResponseEntity<Created> addTimeOff(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ScheduleRequests.Period request) {
        Added added =
                schedules.addTimeOff(actor, doctorId, branchId, request.toDomain(), ETags.expectedVersion(ifMatch));
        return created(added);
    }

    @Operation(
            operationId = "removeTimeOff",
            summary = "Remove time off",
            description = "Removes one period of time off. If-Match is optional.")
    @DeleteMapping("/time-off/{timeOffId}")
    ResponseEntity<Void> removeTimeOff(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @PathVariable UUID timeOffId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = schedules.removeTimeOff(actor, doctorId, branchId, timeOffId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "addExtraSession",
            summary = "Add an extra session",
            description = "A period the doctor works at the branch outside the weekly pattern. If-Match is optional.")
    @PostMapping("/extra-sessions")
    ResponseEntity<Created> addExtraSession(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ScheduleRequests.Period request) {
        Added added = schedules.addExtraSession(
                actor, doctorId, branchId, request.toDomain(), ETags.expectedVersion(ifMatch));
        return created(added);
    }

    @Operation(
            operationId = "removeExtraSession",
            summary = "Remove an extra session",
            description = "Removes one extra session. If-Match is optional.")
    @DeleteMapping("/extra-sessions/{sessionId}")
    ResponseEntity<Void> removeExtraSession(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @PathVariable UUID branchId,
            @PathVariable UUID sessionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version =
                schedules.removeExtraSession(actor, doctorId, branchId, sessionId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    private static ResponseEntity<Created> created(Added added) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(Map.of("id", added.id()))
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(added.version())).body(new Created(added.id()));
    }

    /** Replacing a whole schedule blindly could undo someone else's edit, so PUT must state its basis. */
    private static Precondition precondition(String ifMatch, String ifNoneMatch) {
        boolean hasIfMatch = ifMatch != null && !ifMatch.isBlank();
        boolean hasIfNoneMatch = ifNoneMatch != null && !ifNoneMatch.isBlank();
        if (hasIfMatch && hasIfNoneMatch) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        if (hasIfNoneMatch) {
            if (!ifNoneMatch.strip().equals("*")) {
                throw new Rejection.RuleViolated("schedule.if-none-match-star-only");
            }
            return new Precondition.NoneYet();
        }
        return ETags.required(ifMatch)
                .<Precondition>map(Precondition.Version::new)
                .orElseGet(Precondition.Any::new);
    }
}
