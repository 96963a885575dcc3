package com.clinic.platform.rest.operations;

import com.clinic.platform.application.projection.ProjectionAdministration;
import com.clinic.platform.domain.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events that projections failed to apply (ADR 0016): listed for administrators and auditors, as the
 * projection status is, and retried by administrators once the cause is fixed. A retry runs before
 * the answer: every sequence from its first letter, stopping at one that fails again.
 */
@Tag(name = "operations")
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterAdminController {

    private static final String GROUP = "[A-Za-z0-9._-]{1,255}";
    private static final String SEQUENCE = "[A-Za-z0-9._:-]{1,255}";

    private final ProjectionAdministration administration;

    DeadLetterAdminController(ProjectionAdministration administration) {
        this.administration = administration;
    }

    /** Counts per projection and the letters, oldest sequence first, at most {@code limit} of them. */
    @Operation(
            operationId = "listDeadLetters",
            summary = "List dead letters",
            description =
                    "Events that projections failed to apply: counts per projection and the letters, oldest sequence first. Administrators and auditors.")
    @GetMapping
    ResponseEntity<DeadLettersResponse> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Pattern(regexp = GROUP) String processingGroup,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(DeadLettersResponse.of(
                        administration.deadLetters(actor, Optional.ofNullable(processingGroup), limit)));
    }

    /** Retries every sequence of one projection: 404 for an unknown group, 409 while a replay runs. */
    @Operation(
            operationId = "retryDeadLetters",
            summary = "Retry a projection's dead letters",
            description =
                    "Retries every sequence of one projection before answering, stopping at one that fails again. 404 for an unknown projection, 409 while a replay runs. Administrators only.")
    @PostMapping("/{processingGroup}/retry")
    ResponseEntity<DeadLetterRetryResponse> retry(
            @AuthenticationPrincipal Actor actor, @PathVariable @Pattern(regexp = GROUP) String processingGroup) {
        return retried(DeadLetterRetryResponse.of(administration.retryDeadLetters(actor, processingGroup)));
    }

    /** Retries one sequence (the aggregate's id): 404 when it has no dead letters, 409 while a replay runs. */
    @Operation(
            operationId = "retryDeadLetterSequence",
            summary = "Retry one dead-letter sequence",
            description =
                    "Retries one sequence (the aggregate's id) of a projection. 404 when it has no dead letters, 409 while a replay runs. Administrators only.")
    @PostMapping("/{processingGroup}/sequences/{sequenceId}/retry")
    ResponseEntity<DeadLetterRetryResponse> retrySequence(
            @AuthenticationPrincipal Actor actor,
            @PathVariable @Pattern(regexp = GROUP) String processingGroup,
            @PathVariable @Pattern(regexp = SEQUENCE) String sequenceId) {
        return retried(
                DeadLetterRetryResponse.of(administration.retryDeadLetterSequence(actor, processingGroup, sequenceId)));
    }

    private static ResponseEntity<DeadLetterRetryResponse> retried(DeadLetterRetryResponse outcome) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(outcome);
    }
}
