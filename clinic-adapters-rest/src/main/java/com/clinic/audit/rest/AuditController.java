package com.clinic.audit.rest;

import com.clinic.audit.application.AuditEventFilter;
import com.clinic.audit.application.AuditQueries;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: every event with who caused it. Read-only, for auditors and administrators.
 *
 * <p>Filters are typed parameters so that a malformed value (time, UUID, number, limit out of range)
 * is refused with a 400 problem naming the parameter, before anything reaches the database.
 */
@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    static final int DEFAULT_LIMIT = 50;
    /** Stored aggregate types are class names; aliases are kebab-case. Anything else cannot match. */
    private static final String AGGREGATE_TYPE = "[A-Za-z][A-Za-z0-9_-]{0,254}";
    /** A simple or fully qualified (possibly nested, {@code $}) class name. */
    private static final String EVENT_TYPE = "[A-Za-z_$][A-Za-z0-9_$.]{0,254}";

    private final AuditQueries queries;

    public AuditController(AuditQueries queries) {
        this.queries = queries;
    }

    @Operation(
            operationId = "aggregateHistory",
            summary = "An aggregate's history",
            description =
                    "Every event of one aggregate (an appointment, a patient, an account …) in order, with who caused it. Auditors and administrators.")
    @GetMapping("/aggregates/{type}/{id}/events")
    public AggregateHistoryResponse history(
            @AuthenticationPrincipal Actor actor,
            @PathVariable @Pattern(regexp = AGGREGATE_TYPE) String type,
            @PathVariable @Size(min = 1, max = 255) String id) {
        return AggregateHistoryResponse.of(queries.history(actor, type, id));
    }

    /**
     * The global stream in ascending global index order. {@code from} is inclusive and {@code to}
     * exclusive (ISO-8601 instants); {@code after} is the {@code nextCursor} of the previous page.
     */
    @Operation(
            operationId = "auditEvents",
            summary = "The audit trail",
            description =
                    "Every event in the order it was stored, with who caused it, filtered by aggregate type, actor and time (from inclusive, to exclusive), a page at a time. Auditors and administrators.")
    @GetMapping("/events")
    public PageResponse<AuditEventResponse> events(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) @Pattern(regexp = AGGREGATE_TYPE) String aggregateType,
            @RequestParam(required = false) @Pattern(regexp = EVENT_TYPE) String eventType,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) @PositiveOrZero Long after,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit) {
        AuditEventFilter filter = new AuditEventFilter(
                Optional.ofNullable(aggregateType),
                Optional.ofNullable(eventType),
                Optional.ofNullable(userId),
                Optional.ofNullable(from),
                Optional.ofNullable(to));
        PageRequest page = new PageRequest(limit, Optional.ofNullable(after).map(String::valueOf));
        return PageResponse.of(queries.events(actor, filter, page), AuditEventResponse::of);
    }
}
