package com.clinic.directory.rest;

import com.clinic.directory.application.doctor.DoctorDirectory;
import com.clinic.directory.application.port.DoctorReadModel;
import com.clinic.directory.application.port.DoctorView;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** Doctors: the directory every signed-in user can search, maintained by administrators. */
@Tag(name = "directory")
@RestController
@RequestMapping("/api/v1/doctors")
class DoctorController {

    private final DoctorDirectory doctors;

    DoctorController(DoctorDirectory doctors) {
        this.doctors = doctors;
    }

    @Operation(
            operationId = "registerDoctor",
            summary = "Register a doctor",
            description =
                    "Adds a doctor to the directory: names, specialty, languages, the branches they work at and their fees, optionally linked to a doctor's account.")
    @PostMapping
    ResponseEntity<DoctorView> register(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody NewDoctorRequest request) {
        DoctorView doctor = doctors.register(
                actor, request.userId(), request.clinicId(), request.profile().toInput());
        return Http.created(doctor.id(), doctor.version(), doctor);
    }

    @Operation(
            operationId = "searchDoctors",
            summary = "Search doctors",
            description =
                    "Doctors, filtered by clinic, branch, specialty, language or name, a page at a time. Open to every signed-in user.")
    @GetMapping
    PageResponse<DoctorView> search(
            @RequestParam(required = false) String specialty,
            @RequestParam(required = false) UUID branchId,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID clinicId,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        DoctorReadModel.Search search = new DoctorReadModel.Search(
                Optional.ofNullable(specialty).filter(s -> !s.isBlank()),
                Optional.ofNullable(branchId),
                Optional.ofNullable(language).filter(l -> !l.isBlank()),
                Optional.ofNullable(name).filter(n -> !n.isBlank()),
                Optional.ofNullable(clinicId),
                Optional.ofNullable(active));
        return PageResponse.of(doctors.search(search, Http.page(limit, after)), doctor -> doctor);
    }

    @Operation(operationId = "getDoctor", summary = "Get a doctor", description = "One doctor with its ETag.")
    @GetMapping("/{doctorId}")
    ResponseEntity<DoctorView> get(@PathVariable UUID doctorId) {
        DoctorView doctor = doctors.doctor(doctorId);
        return Http.ok(doctor.version(), doctor);
    }

    @Operation(
            operationId = "updateDoctor",
            summary = "Update a doctor",
            description = "Replaces the doctor's profile. Requires If-Match with the ETag read (or *).")
    @PutMapping("/{doctorId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody DoctorRequest request) {
        return Http.changed(doctors.update(actor, doctorId, request.toInput(), ETags.required(ifMatch)));
    }

    @Operation(
            operationId = "deactivateDoctor",
            summary = "Deactivate a doctor",
            description = "The doctor no longer appears in searches or offers slots. If-Match is optional.")
    @PostMapping("/{doctorId}/deactivate")
    ResponseEntity<Void> deactivate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Http.changed(doctors.deactivate(actor, doctorId, ETags.expectedVersion(ifMatch)));
    }

    @Operation(
            operationId = "activateDoctor",
            summary = "Activate a doctor",
            description = "Brings a deactivated doctor back. If-Match is optional.")
    @PostMapping("/{doctorId}/activate")
    ResponseEntity<Void> activate(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID doctorId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return Http.changed(doctors.activate(actor, doctorId, ETags.expectedVersion(ifMatch)));
    }
}
