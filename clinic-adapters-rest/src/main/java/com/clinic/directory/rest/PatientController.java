package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientRecords;
import com.clinic.directory.application.port.PatientSummary;
import com.clinic.directory.application.port.PatientView;
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

/**
 * Patient records (protected health information). Auditors have no access here: they see the
 * audit trail only. Which records a caller sees is decided by the application service.
 */
@Tag(name = "directory")
@RestController
@RequestMapping("/api/v1/patients")
class PatientController {

    private final PatientRecords patients;

    PatientController(PatientRecords patients) {
        this.patients = patients;
    }

    @Operation(
            operationId = "createPatient",
            summary = "Register a patient",
            description =
                    "Staff register a patient at one of their branches. Either a national id or a passport number is required; a national id is unique within the clinic.")
    @PostMapping
    ResponseEntity<PatientCreatedResponse> register(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody NewPatientRequest request) {
        PatientView patient = patients.register(
                actor, request.homeBranchId(), request.patient().toInput());
        return Http.created(patient.id(), patient.version(), PatientCreatedResponse.of(patient));
    }

    @Operation(
            operationId = "searchPatients",
            summary = "Search patients",
            description =
                    "Patients the caller may see (their clinic, their branch, or a doctor's own patients), by name, phone or document number, a page at a time.")
    @GetMapping
    PageResponse<PatientSummary> search(
            @AuthenticationPrincipal Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(
                patients.search(actor, Optional.ofNullable(name), Optional.ofNullable(phone), Http.page(limit, after)),
                summary -> summary);
    }

    @Operation(
            operationId = "getMyPatientRecord",
            summary = "My patient record",
            description = "The signed-in patient's own record.")
    @GetMapping("/me")
    ResponseEntity<PatientResponse> mine(@AuthenticationPrincipal Actor actor) {
        PatientView patient = patients.mine(actor);
        return Http.ok(patient.version(), PatientResponse.of(patient));
    }

    @Operation(
            operationId = "getPatient",
            summary = "Get a patient",
            description = "One patient record with its ETag; 404 for a record the caller may not see.")
    @GetMapping("/{patientId}")
    ResponseEntity<PatientResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID patientId) {
        PatientView patient = patients.patient(actor, patientId);
        return Http.ok(patient.version(), PatientResponse.of(patient));
    }

    @Operation(
            operationId = "updatePatient",
            summary = "Update a patient",
            description = "Replaces the patient's details. Requires If-Match with the ETag read (or *).")
    @PutMapping("/{patientId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientRequest request) {
        return Http.changed(patients.update(actor, patientId, request.toInput(), ETags.required(ifMatch)));
    }

    /** Crypto-shredding: afterwards nothing personal about the patient can be read anywhere. */
    @Operation(
            operationId = "erasePatient",
            summary = "Erase a patient",
            description =
                    "Crypto-shredding: the patient's personal data can no longer be read anywhere, in the read models or in the event history. Irreversible.")
    @PostMapping("/{patientId}/erase")
    ResponseEntity<Void> erase(@AuthenticationPrincipal Actor actor, @PathVariable UUID patientId) {
        patients.erase(actor, patientId);
        return ResponseEntity.noContent().build();
    }
}
