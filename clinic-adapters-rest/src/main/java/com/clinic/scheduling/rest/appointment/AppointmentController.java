package com.clinic.scheduling.rest.appointment;

import com.clinic.platform.application.PageRequest;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import com.clinic.scheduling.application.appointment.AppointmentBooking;
import com.clinic.scheduling.application.appointment.AppointmentChanges;
import com.clinic.scheduling.application.appointment.AppointmentQueryService;
import com.clinic.scheduling.application.appointment.AppointmentView;
import com.clinic.scheduling.application.appointment.VisitSteps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appointments. Booking is {@code POST /appointments/holds} then {@code /confirm} (the hold expires by
 * itself), or {@code POST /appointments} directly; both answer 409 when someone else won the time.
 */
@Tag(name = "scheduling-appointments")
@RestController
class AppointmentController {

    private final AppointmentBooking booking;
    private final AppointmentChanges changes;
    private final VisitSteps visits;
    private final AppointmentQueryService queries;

    AppointmentController(
            AppointmentBooking booking,
            AppointmentChanges changes,
            VisitSteps visits,
            AppointmentQueryService queries) {
        this.booking = booking;
        this.changes = changes;
        this.visits = visits;
        this.queries = queries;
    }

    record HoldResponse(UUID appointmentId, Instant holdUntil) {}

    record BookedResponse(UUID appointmentId) {}

    record SeriesResponse(List<UUID> appointmentIds) {}

    @Operation(
            operationId = "holdSlot",
            summary = "Hold a slot",
            description =
                    "Reserves a slot for a short time while the patient confirms; the hold expires by itself. 409 when someone else has the time. Patients book for themselves; staff name the patient.")
    @PostMapping("/api/v1/appointments/holds")
    ResponseEntity<HoldResponse> hold(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody AppointmentRequests.Book request) {
        AppointmentBooking.Held held = booking.hold(
                actor, Optional.ofNullable(request.patientId()), request.slot().toChoice());
        return ResponseEntity.created(location(held.appointmentId()))
                .body(new HoldResponse(held.appointmentId(), held.holdUntil()));
    }

    @Operation(
            operationId = "bookAppointment",
            summary = "Book an appointment",
            description =
                    "Books a slot directly. 409 when someone else won the time, or the patient already has an appointment then.")
    @PostMapping("/api/v1/appointments")
    ResponseEntity<BookedResponse> book(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody AppointmentRequests.Book request) {
        UUID appointmentId = booking.book(
                actor, Optional.ofNullable(request.patientId()), request.slot().toChoice());
        return ResponseEntity.created(location(appointmentId)).body(new BookedResponse(appointmentId));
    }

    @Operation(
            operationId = "bookSeries",
            summary = "Book a weekly series",
            description = "Books the same slot on consecutive weeks, all or none.")
    @PostMapping("/api/v1/appointments/series")
    ResponseEntity<SeriesResponse> series(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody AppointmentRequests.Series request) {
        List<UUID> ids = booking.bookWeeklySeries(
                actor, Optional.ofNullable(request.patientId()), request.first().toChoice(), request.occurrences());
        return ResponseEntity.status(HttpStatus.CREATED).body(new SeriesResponse(ids));
    }

    @Operation(
            operationId = "getAppointment",
            summary = "Get an appointment",
            description = "One appointment with its ETag; 404 for one the caller may not see.")
    @GetMapping("/api/v1/appointments/{appointmentId}")
    ResponseEntity<AppointmentView> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        AppointmentView view = queries.find(actor, appointmentId);
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    @Operation(
            operationId = "confirmAppointment",
            summary = "Confirm a held appointment",
            description = "Turns a hold into a booked appointment before it expires.")
    @PostMapping("/api/v1/appointments/{appointmentId}/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirm(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        changes.confirm(actor, appointmentId);
    }

    @Operation(
            operationId = "rescheduleAppointment",
            summary = "Reschedule an appointment",
            description = "Moves the appointment to another slot of the same clinic. If-Match is optional.")
    @PostMapping("/api/v1/appointments/{appointmentId}/reschedule")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reschedule(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID appointmentId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AppointmentRequests.Reschedule request) {
        changes.reschedule(actor, appointmentId, request.slot().toChoice(), ETags.expectedVersion(ifMatch));
    }

    @Operation(
            operationId = "cancelAppointment",
            summary = "Cancel an appointment",
            description =
                    "Cancels with a reason; the time is free again and may be offered to the waiting list. If-Match is optional.")
    @PostMapping("/api/v1/appointments/{appointmentId}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID appointmentId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AppointmentRequests.Cancel request) {
        changes.cancel(actor, appointmentId, request.reason(), request.note(), ETags.expectedVersion(ifMatch));
    }

    @Operation(
            operationId = "checkInAppointment",
            summary = "Check a patient in",
            description = "The patient has arrived at the desk; not earlier than the check-in window before the start.")
    @PostMapping("/api/v1/appointments/{appointmentId}/check-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void checkIn(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        visits.checkIn(actor, appointmentId);
    }

    @Operation(
            operationId = "startAppointment",
            summary = "Start the visit",
            description = "The doctor starts seeing the patient.")
    @PostMapping("/api/v1/appointments/{appointmentId}/start")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void start(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        visits.startConsultation(actor, appointmentId);
    }

    @Operation(
            operationId = "completeAppointment",
            summary = "Complete the visit",
            description = "The doctor has finished with the patient.")
    @PostMapping("/api/v1/appointments/{appointmentId}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        visits.complete(actor, appointmentId);
    }

    @Operation(
            operationId = "markAppointmentNoShow",
            summary = "Mark a no-show",
            description = "The patient did not come; only once the appointment has started without them.")
    @PostMapping("/api/v1/appointments/{appointmentId}/no-show")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void noShow(@AuthenticationPrincipal Actor actor, @PathVariable UUID appointmentId) {
        visits.markNoShow(actor, appointmentId);
    }

    @Operation(
            operationId = "doctorAgenda",
            summary = "A doctor's agenda",
            description = "The doctor's appointments at a branch on one of its local dates.")
    @GetMapping("/api/v1/doctors/{doctorId}/agenda")
    Map<String, Object> agenda(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @RequestParam UUID branchId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return Map.of(
                "doctorId",
                doctorId,
                "branchId",
                branchId,
                "date",
                date,
                "items",
                queries.agenda(actor, doctorId, branchId, date));
    }

    @Operation(
            operationId = "branchCalendar",
            summary = "A branch's calendar",
            description = "The branch's appointments between two local dates, optionally of one doctor.")
    @GetMapping("/api/v1/branches/{branchId}/calendar")
    Map<String, Object> calendar(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID branchId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID doctorId) {
        return Map.of(
                "branchId",
                branchId,
                "from",
                from,
                "to",
                to,
                "items",
                queries.branchCalendar(actor, branchId, Optional.ofNullable(doctorId), from, to));
    }

    @Operation(
            operationId = "myAppointments",
            summary = "My appointments",
            description = "The signed-in patient's upcoming or past appointments, a page at a time.")
    @GetMapping("/api/v1/me/appointments")
    PageResponse<AppointmentView> mine(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(defaultValue = "upcoming") When when,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                queries.mine(actor, when == When.upcoming, new PageRequest(limit, Optional.ofNullable(after))));
    }

    @Operation(
            operationId = "patientAppointments",
            summary = "A patient's appointments",
            description =
                    "A patient's upcoming or past appointments, a page at a time; 404 for a patient the caller may not see.")
    @GetMapping("/api/v1/patients/{patientId}/appointments")
    PageResponse<AppointmentView> ofPatient(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID patientId,
            @RequestParam(defaultValue = "upcoming") When when,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(queries.ofPatient(
                actor, patientId, when == When.upcoming, new PageRequest(limit, Optional.ofNullable(after))));
    }

    /** Which of a patient's appointments to list. */
    enum When {
        upcoming,
        past
    }

    private static URI location(UUID appointmentId) {
        return URI.create("/api/v1/appointments/" + appointmentId);
    }
}
