package com.clinic.platform.rest.operations;

import com.clinic.platform.application.projection.ProjectionAdministration;
import com.clinic.platform.domain.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projection status, for administrators and auditors, and replays, for administrators only. A replay
 * is answered 202 at once with the status; poll {@code GET /api/v1/admin/projections} until every
 * replayable projection has {@code replaying == false} and {@code position == head}. Commands are
 * refused with 503 until then. Replay from one instance at a time (see ADR 0009).
 */
@Tag(name = "operations")
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionAdminController {

    private static final String PROCESSOR_NAME = "[A-Za-z0-9._-]{1,255}";
    private static final URI STATUS = URI.create("/api/v1/admin/projections");

    private final ProjectionAdministration administration;

    ProjectionAdminController(ProjectionAdministration administration) {
        this.administration = administration;
    }

    @Operation(
            operationId = "projectionStatus",
            summary = "Projection status",
            description =
                    "Each projection's position, the head of the event store and whether it is replaying. Administrators and auditors.")
    @GetMapping
    ResponseEntity<ProjectionsResponse> status(@AuthenticationPrincipal Actor actor) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ProjectionsResponse.of(administration.status(actor)));
    }

    /** Rebuilds every replayable projection (409 while any replay is in progress). */
    @Operation(
            operationId = "replayAllProjections",
            summary = "Replay every projection",
            description =
                    "Rebuilds every replayable projection: answered 202 at once; poll the status until none is replaying and each position is the head. Commands are refused with 503 until then. Administrators only.")
    @PostMapping("/replay")
    ResponseEntity<ProjectionsResponse> replayAll(@AuthenticationPrincipal Actor actor) {
        return accepted(ProjectionsResponse.of(administration.replayAll(actor)));
    }

    /** Rebuilds one projection: 404 for an unknown name, 409 when not replayable or already replaying. */
    @Operation(
            operationId = "replayProjection",
            summary = "Replay one projection",
            description =
                    "Rebuilds one projection: answered 202 at once. 404 for an unknown name, 409 when it is not replayable or already replaying. Administrators only.")
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionsResponse> replay(
            @AuthenticationPrincipal Actor actor, @PathVariable @Pattern(regexp = PROCESSOR_NAME) String name) {
        return accepted(ProjectionsResponse.of(administration.replay(actor, name)));
    }

    private static ResponseEntity<ProjectionsResponse> accepted(ProjectionsResponse status) {
        return ResponseEntity.accepted()
                .location(STATUS)
                .cacheControl(CacheControl.noStore())
                .body(status);
    }
}
