package com.clinic.notifications.rest;

import com.clinic.notifications.application.NotificationHistory;
import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a patient was told, for the patient and for the staff who may open their record. */
@Tag(name = "notifications")
@RestController
class NotificationHistoryController {

    private final NotificationHistory history;

    NotificationHistoryController(NotificationHistory history) {
        this.history = history;
    }

    @Operation(
            operationId = "listPatientNotifications",
            summary = "A patient's notifications",
            description =
                    "Every notification to the patient, newest first, a page at a time: its template, category, state and current channel, and every provider call with its answer. No message text. The patient, the staff of the patient's branch and clinic, administrators and auditors; 404 for a patient out of reach, as for an unknown one.")
    @GetMapping("/api/v1/patients/{patientId}/notifications")
    PageResponse<NotificationSummaryResponse> ofPatient(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID patientId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        PageRequest page = new PageRequest(limit, Optional.ofNullable(after).filter(a -> !a.isBlank()));
        return PageResponse.of(history.ofPatient(actor, patientId, page), NotificationSummaryResponse::of);
    }
}
