package com.clinic.directory.rest;

import com.clinic.directory.application.clinic.ClinicDirectory;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

/** Clinics and their branches. Reading is open to every signed-in user; changing is for administrators. */
@Tag(name = "directory")
@RestController
@RequestMapping("/api/v1/clinics")
class ClinicController {

    private final ClinicDirectory directory;

    ClinicController(ClinicDirectory directory) {
        this.directory = directory;
    }

    @Operation(
            operationId = "createClinic",
            summary = "Create a clinic",
            description =
                    "Creates a clinic with its bilingual name, address, phone, time zone, currency and working days. Administrators only.")
    @PostMapping
    ResponseEntity<ClinicView> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SiteRequest request) {
        ClinicView clinic = directory.createClinic(actor, request.toInput());
        return Http.created(clinic.id(), clinic.version(), clinic);
    }

    @Operation(
            operationId = "listClinics",
            summary = "List clinics",
            description = "Clinics a page at a time (pass nextCursor as after). Open to every signed-in user.")
    @GetMapping
    PageResponse<ClinicView> list(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return PageResponse.of(directory.clinics(Http.page(limit, after)), clinic -> clinic);
    }

    @Operation(operationId = "getClinic", summary = "Get a clinic", description = "One clinic with its ETag.")
    @GetMapping("/{clinicId}")
    ResponseEntity<ClinicView> get(@PathVariable UUID clinicId) {
        ClinicView clinic = directory.clinic(clinicId);
        return Http.ok(clinic.version(), clinic);
    }

    @Operation(
            operationId = "updateClinic",
            summary = "Update a clinic",
            description =
                    "Replaces the clinic's profile. Requires If-Match with the ETag read (or *). Administrators, and the clinic's own managers.")
    @PutMapping("/{clinicId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID clinicId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SiteRequest request) {
        return Http.changed(directory.updateClinic(actor, clinicId, request.toInput(), ETags.required(ifMatch)));
    }

    @Operation(
            operationId = "openBranch",
            summary = "Open a branch",
            description = "Opens a branch of the clinic; a branch without a currency uses the clinic's.")
    @PostMapping("/{clinicId}/branches")
    ResponseEntity<BranchView> openBranch(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID clinicId,
            @Valid @RequestBody SiteRequest request) {
        BranchView branch = directory.openBranch(actor, clinicId, request.toInput());
        return Http.created(branch.id(), branch.version(), branch);
    }

    @Operation(
            operationId = "listBranches",
            summary = "List a clinic's branches",
            description = "The clinic's branches a page at a time (pass nextCursor as after).")
    @GetMapping("/{clinicId}/branches")
    PageResponse<BranchView> branches(
            @PathVariable UUID clinicId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(directory.branches(clinicId, Http.page(limit, after)), branch -> branch);
    }

    @Operation(
            operationId = "getBranch",
            summary = "Get a branch",
            description = "One branch of the clinic with its ETag.")
    @GetMapping("/{clinicId}/branches/{branchId}")
    ResponseEntity<BranchView> branch(@PathVariable UUID clinicId, @PathVariable UUID branchId) {
        BranchView branch = directory.branch(clinicId, branchId);
        return Http.ok(branch.version(), branch);
    }

    @Operation(
            operationId = "updateBranch",
            summary = "Update a branch",
            description = "Replaces the branch's profile. Requires If-Match with the ETag read (or *).")
    @PutMapping("/{clinicId}/branches/{branchId}")
    ResponseEntity<Void> updateBranch(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID clinicId,
            @PathVariable UUID branchId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SiteRequest request) {
        return Http.changed(
                directory.updateBranch(actor, clinicId, branchId, request.toInput(), ETags.required(ifMatch)));
    }
}
