package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous patient self-registration: creates the login account and the patient record together. */
@RestController
@RequestMapping("/api/v1/auth")
class PatientRegistrationController {

    record Registered(UUID patientId, UUID userId) {}

    private final PatientRegistration registration;

    PatientRegistrationController(PatientRegistration registration) {
        this.registration = registration;
    }

    @PostMapping("/register")
    ResponseEntity<Registered> register(@Valid @RequestBody SelfRegistrationRequest request, HttpServletRequest http) {
        PatientRegistration.Registered registered = registration.register(
                request.homeBranchId(), request.patient().toInput(), request.password(), http.getRemoteAddr());
        return Http.createdAt(
                "/api/v1/patients/{id}",
                registered.patientId(),
                0,
                new Registered(registered.patientId(), registered.userId()));
    }
}
