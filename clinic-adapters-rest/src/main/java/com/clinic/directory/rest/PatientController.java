package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientRecords;
import com.clinic.directory.application.port.PatientSummary;
import com.clinic.directory.application.port.PatientView;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
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
@RestController
@RequestMapping("/api/v1/patients")
class PatientController {

    private final PatientRecords patients;

    PatientController(PatientRecords patients) {
        this.patients = patients;
    }

    @PostMapping
    ResponseEntity<PatientCreatedResponse> register(
            @AuthenticationPrincipal Actor actor, @Valid @RequestBody NewPatientRequest request) {
        PatientView patient = patients.register(
                actor, request.homeBranchId(), request.patient().toInput());
        return Http.created(patient.id(), patient.version(), PatientCreatedResponse.of(patient));
    }

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

    @GetMapping("/me")
    ResponseEntity<PatientResponse> mine(@AuthenticationPrincipal Actor actor) {
        PatientView patient = patients.mine(actor);
        return Http.ok(patient.version(), PatientResponse.of(patient));
    }

    @GetMapping("/{patientId}")
    ResponseEntity<PatientResponse> get(@AuthenticationPrincipal Actor actor, @PathVariable UUID patientId) {
        PatientView patient = patients.patient(actor, patientId);
        return Http.ok(patient.version(), PatientResponse.of(patient));
    }

    @PutMapping("/{patientId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID patientId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PatientRequest request) {
        return Http.changed(patients.update(actor, patientId, request.toInput(), ETags.required(ifMatch)));
    }

    /** Crypto-shredding: afterwards nothing personal about the patient can be read anywhere. */
    @PostMapping("/{patientId}/erase")
    ResponseEntity<Void> erase(@AuthenticationPrincipal Actor actor, @PathVariable UUID patientId) {
        patients.erase(actor, patientId);
        return ResponseEntity.noContent().build();
    }
}
