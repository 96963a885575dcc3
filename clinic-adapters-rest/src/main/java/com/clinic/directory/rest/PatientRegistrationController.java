package com.clinic.directory.rest;

import com.clinic.directory.application.patient.PatientRegistration;
import com.clinic.platform.rest.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous patient self-registration: creates the login account and the patient record together. */
@Tag(name = "identity")
@SecurityRequirements
@RestController
@RequestMapping("/api/v1/auth")
class PatientRegistrationController {

    record Registered(UUID patientId, UUID userId) {}

    private final PatientRegistration registration;

    PatientRegistrationController(PatientRegistration registration) {
        this.registration = registration;
    }

    @Operation(
            operationId = "registerPatient",
            summary = "Register as a patient",
            description =
                    "Anonymous self-registration: creates the patient's login account and patient record at the chosen home branch together. The login is the patient's phone number (and e-mail, if given). Registrations are limited per client (429 with Retry-After).")
    // Identity's throttle on self-registrations (LoginThrottled.REGISTRATIONS_CODE), named by its code.
    @ProblemResponse(status = 429, codes = "auth.too-many-registrations")
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
