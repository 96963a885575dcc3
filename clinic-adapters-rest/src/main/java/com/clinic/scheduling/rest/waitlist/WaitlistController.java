package com.clinic.scheduling.rest.waitlist;

import com.clinic.platform.application.Page;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import com.clinic.scheduling.application.waitlist.WaitlistService;
import com.clinic.scheduling.application.waitlist.WaitlistService.Joined;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryStatus;
import com.clinic.scheduling.application.waitlist.port.WaitlistEntryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The waiting list: patients join for themselves, reception for patients of its branch; offers of a
 * freed slot arrive as in-app notifications and are answered here. Who sees which entries is decided
 * by the application service; these role checks only keep out those who never may.
 */
@Tag(name = "scheduling-waitlist")
@RestController
@RequestMapping("/api/v1/waitlist")
class WaitlistController {

    private final WaitlistService waitlist;

    WaitlistController(WaitlistService waitlist) {
        this.waitlist = waitlist;
    }

    @Operation(
            operationId = "joinWaitlist",
            summary = "Join the waiting list",
            description =
                    "Waits for a slot of a doctor, or of a specialty at a branch, within a window of dates and times of day. Patients join for themselves; reception for patients of its branch. A freed slot is offered by in-app notification.")
    @PostMapping
    ResponseEntity<WaitlistEntryResponse> join(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody WaitlistRequests.Join request) {
        Joined joined = waitlist.join(actor, request.toRequest());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(joined.entryId())
                .toUri();
        return ResponseEntity.created(location).eTag(ETags.of(0)).body(WaitlistEntryResponse.joined(joined));
    }

    @Operation(
            operationId = "listWaitlist",
            summary = "List waiting-list entries",
            description = "Entries the caller may see, filtered by branch, doctor and status, a page at a time.")
    @GetMapping
    PageResponse<WaitlistEntryResponse> list(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) WaitlistEntryStatus status,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        Page<WaitlistEntryView> page = waitlist.list(
                actor,
                Optional.ofNullable(branchId),
                Optional.ofNullable(doctorId),
                Optional.ofNullable(status),
                new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank())));
        return PageResponse.of(page, WaitlistEntryResponse::of);
    }

    @Operation(
            operationId = "getWaitlistEntry",
            summary = "Get a waiting-list entry",
            description = "One entry, with the offer it holds if any, and its ETag.")
    @GetMapping("/{entryId}")
    ResponseEntity<WaitlistEntryResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID entryId) {
        WaitlistEntryView entry = waitlist.get(actor, entryId);
        return ResponseEntity.ok().eTag(ETags.of(entry.version())).body(WaitlistEntryResponse.of(entry));
    }

    @Operation(
            operationId = "withdrawFromWaitlist",
            summary = "Leave the waiting list",
            description = "Withdraws the entry; a slot it was offered goes to the next patient.")
    @DeleteMapping("/{entryId}")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal Actor actor, @PathVariable UUID entryId) {
        waitlist.withdraw(actor, entryId);
        return ResponseEntity.noContent().build();
    }

    /** The same as DELETE, for clients that can only POST. */
    @Operation(
            operationId = "withdrawFromWaitlistByPost",
            summary = "Leave the waiting list (POST)",
            description = "The same as DELETE, for clients that can only POST.")
    @PostMapping("/{entryId}/withdraw")
    ResponseEntity<Void> withdrawByPost(@AuthenticationPrincipal Actor actor, @PathVariable UUID entryId) {
        return withdraw(actor, entryId);
    }

    /** Books the held slot; answers with the appointment now booked. */
    @Operation(
            operationId = "acceptWaitlistOffer",
            summary = "Accept an offer",
            description = "Books the offered slot before the offer expires; answers with the appointment now booked.")
    @PostMapping("/{entryId}/offer/accept")
    Map<String, UUID> accept(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID entryId,
            @RequestBody(required = false) WaitlistRequests.OfferAnswer answer) {
        UUID appointmentId = waitlist.accept(actor, entryId, appointmentOf(answer));
        return Map.of("appointmentId", appointmentId);
    }

    /** The patient keeps their place; the slot goes to the next patient. */
    @Operation(
            operationId = "declineWaitlistOffer",
            summary = "Decline an offer",
            description = "The patient keeps their place; the slot goes to the next patient.")
    @PostMapping("/{entryId}/offer/decline")
    ResponseEntity<Void> decline(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID entryId,
            @RequestBody(required = false) WaitlistRequests.OfferAnswer answer) {
        waitlist.decline(actor, entryId, appointmentOf(answer));
        return ResponseEntity.noContent().build();
    }

    private static Optional<UUID> appointmentOf(WaitlistRequests.OfferAnswer answer) {
        return Optional.ofNullable(answer).map(WaitlistRequests.OfferAnswer::appointmentId);
    }
}
