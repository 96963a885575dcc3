package com.clinic.scheduling.rest.availability;

import com.clinic.platform.domain.Actor;
import com.clinic.platform.domain.Rejection;
import com.clinic.platform.rest.ETags;
import com.clinic.scheduling.application.availability.AppointmentTypeService;
import com.clinic.scheduling.application.availability.AppointmentTypeView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Appointment types: ADMIN or the clinic's MANAGER define them; everyone signed in may read them. */
@Tag(name = "scheduling-availability")
@RestController
@RequestMapping("/api/v1/appointment-types")
class AppointmentTypeController {

    private final AppointmentTypeService types;

    AppointmentTypeController(AppointmentTypeService types) {
        this.types = types;
    }

    record Types(List<AppointmentTypeResponse> items) {}

    @Operation(
            operationId = "createAppointmentType",
            summary = "Define an appointment type",
            description =
                    "A kind of visit of a clinic: bilingual name, duration, slot interval, price, capacity and booking notice and horizon.")
    @PostMapping
    ResponseEntity<AppointmentTypeResponse> create(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody AppointmentTypeRequest request) {
        UUID clinicId = Optional.ofNullable(request.clinicId())
                .or(actor::clinicId)
                .orElseThrow(() -> new Rejection.RuleViolated("appointment-type.clinic-required"));
        AppointmentTypeView created = types.create(actor, clinicId, request.toInput());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(Map.of("id", created.appointmentTypeId()))
                .toUri();
        return ResponseEntity.created(location)
                .eTag(ETags.of(created.version()))
                .body(AppointmentTypeResponse.of(created));
    }

    @Operation(
            operationId = "listAppointmentTypes",
            summary = "List appointment types",
            description = "The appointment types of a clinic. Open to every signed-in user.")
    @GetMapping
    Types list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(defaultValue = "false") boolean includeInactive) {
        return new Types(types.list(actor, Optional.ofNullable(clinicId), includeInactive).stream()
                .map(AppointmentTypeResponse::of)
                .toList());
    }

    @Operation(
            operationId = "getAppointmentType",
            summary = "Get an appointment type",
            description = "One appointment type with its ETag.")
    @GetMapping("/{appointmentTypeId}")
    ResponseEntity<AppointmentTypeResponse> get(@PathVariable UUID appointmentTypeId) {
        AppointmentTypeView view = types.get(appointmentTypeId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(AppointmentTypeResponse.of(view));
    }

    /** Replaces the definition; must name the version it is based on, so an edit is never lost silently. */
    @Operation(
            operationId = "updateAppointmentType",
            summary = "Update an appointment type",
            description =
                    "Replaces the definition. Requires If-Match with the ETag read (or *), so an edit is never lost silently.")
    @PutMapping("/{appointmentTypeId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID appointmentTypeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AppointmentTypeRequest request) {
        long version = types.update(actor, appointmentTypeId, request.toInput(), ETags.required(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }

    @Operation(
            operationId = "deactivateAppointmentType",
            summary = "Deactivate an appointment type",
            description = "It can no longer be booked; booked appointments stay. If-Match is optional.")
    @PostMapping("/{appointmentTypeId}/deactivate")
    ResponseEntity<Void> deactivate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID appointmentTypeId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        long version = types.deactivate(actor, appointmentTypeId, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().eTag(ETags.of(version)).build();
    }
}
