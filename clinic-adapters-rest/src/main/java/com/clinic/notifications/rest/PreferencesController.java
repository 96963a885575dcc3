package com.clinic.notifications.rest;

import com.clinic.notifications.application.NotificationPreferences;
import com.clinic.notifications.application.NotificationPreferences.Choices;
import com.clinic.notifications.application.NotificationPreferences.QuietHoursRequest;
import com.clinic.notifications.application.port.RecipientPreferences.QuietWindow;
import com.clinic.notifications.domain.Category;
import com.clinic.notifications.domain.Channel;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notification channels per category and quiet hours, versioned by ETag. */
@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
class PreferencesController {

    private final NotificationPreferences preferences;

    PreferencesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    /** Nightly quiet hours on the user's own clock; equal ends mean none. */
    record QuietHours(
            @Schema(example = "22:00") @NotNull LocalTime from,
            @Schema(example = "07:00") @NotNull LocalTime until,
            @Schema(example = "Asia/Riyadh", description = "An IANA region id") @NotNull @Size(max = 64) String zone) {}

    /**
     * @param channels per category, in the order to try them; a category left out keeps the default
     */
    record PreferencesRequest(
            @Schema(example = "{\"REMINDERS\": [\"PUSH\", \"SMS\"], \"MARKETING\": []}")
                    Map<Category, List<@NotNull Channel>> channels,
            @Valid QuietHours quietHours) {}

    /**
     * @param channels what the caller chose, per category
     * @param defaults what the categories they left out use
     * @param version what If-Match names to change them (0 while nothing was saved)
     */
    record PreferencesResponse(
            Map<Category, List<Channel>> channels,
            QuietHours quietHours,
            Map<Category, List<Channel>> defaults,
            long version) {

        static PreferencesResponse of(Choices choices) {
            return new PreferencesResponse(
                    ordered(choices.channels()),
                    choices.quietHours().map(PreferencesResponse::quiet).orElse(null),
                    ordered(choices.defaults()),
                    choices.version());
        }

        /** In the categories' declared order, as a reader expects them. */
        private static Map<Category, List<Channel>> ordered(Map<Category, List<Channel>> channels) {
            Map<Category, List<Channel>> ordered = new EnumMap<>(Category.class);
            ordered.putAll(channels);
            return ordered;
        }

        private static QuietHours quiet(QuietWindow window) {
            return new QuietHours(window.from(), window.until(), window.zone().getId());
        }
    }

    @Operation(
            operationId = "getNotificationPreferences",
            summary = "My notification preferences",
            description =
                    "The channels the caller chose per category (in the order they are tried), the defaults of the categories they left out, and their quiet hours, with the ETag a change names.")
    @GetMapping
    ResponseEntity<PreferencesResponse> read(@AuthenticationPrincipal Actor actor) {
        return respond(preferences.read(actor));
    }

    @Operation(
            operationId = "replaceNotificationPreferences",
            summary = "Change my notification preferences",
            description =
                    "Replaces the caller's choices. Requires If-Match with the ETag read (\"0\" before the first save), or * for whatever is there; a stale one is 412. Account messages (invitations, password resets) cannot be switched off (422). Choosing channels for marketing is not consent to it: the patient's marketing consent is checked whenever such a message is sent. Quiet hours hold back everything but urgent and account messages; their zone is an IANA region id.")
    @PutMapping
    ResponseEntity<PreferencesResponse> replace(
            @AuthenticationPrincipal Actor actor,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PreferencesRequest body) {
        Optional<Long> expected = ETags.required(ifMatch);
        Optional<QuietHoursRequest> quiet = Optional.ofNullable(body.quietHours())
                .map(hours -> new QuietHoursRequest(hours.from(), hours.until(), hours.zone()));
        Map<Category, List<Channel>> channels = body.channels() == null ? Map.of() : body.channels();
        return respond(preferences.replace(actor, channels, quiet, expected));
    }

    private static ResponseEntity<PreferencesResponse> respond(Choices choices) {
        return ResponseEntity.ok().eTag(ETags.of(choices.version())).body(PreferencesResponse.of(choices));
    }
}
