package com.clinic.directory.rest;

import com.clinic.directory.application.clinic.ClinicDirectory;
import com.clinic.directory.application.port.BranchView;
import com.clinic.directory.application.port.ClinicView;
import com.clinic.platform.domain.Actor;
import com.clinic.platform.rest.ETags;
import com.clinic.platform.rest.PageResponse;
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
@RestController
@RequestMapping("/api/v1/clinics")
class ClinicController {

    private final ClinicDirectory directory;

    ClinicController(ClinicDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    ResponseEntity<ClinicView> create(@AuthenticationPrincipal Actor actor, @Valid @RequestBody SiteRequest request) {
        ClinicView clinic = directory.createClinic(actor, request.toInput());
        return Http.created(clinic.id(), clinic.version(), clinic);
    }

    @GetMapping
    PageResponse<ClinicView> list(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String after) {
        return PageResponse.of(directory.clinics(Http.page(limit, after)), clinic -> clinic);
    }

    @GetMapping("/{clinicId}")
    ResponseEntity<ClinicView> get(@PathVariable UUID clinicId) {
        ClinicView clinic = directory.clinic(clinicId);
        return Http.ok(clinic.version(), clinic);
    }

    @PutMapping("/{clinicId}")
    ResponseEntity<Void> update(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID clinicId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SiteRequest request) {
        return Http.changed(directory.updateClinic(actor, clinicId, request.toInput(), ETags.required(ifMatch)));
    }

    @PostMapping("/{clinicId}/branches")
    ResponseEntity<BranchView> openBranch(
            @AuthenticationPrincipal Actor actor,
            @PathVariable UUID clinicId,
            @Valid @RequestBody SiteRequest request) {
        BranchView branch = directory.openBranch(actor, clinicId, request.toInput());
        return Http.created(branch.id(), branch.version(), branch);
    }

    @GetMapping("/{clinicId}/branches")
    PageResponse<BranchView> branches(
            @PathVariable UUID clinicId,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String after) {
        return PageResponse.of(directory.branches(clinicId, Http.page(limit, after)), branch -> branch);
    }

    @GetMapping("/{clinicId}/branches/{branchId}")
    ResponseEntity<BranchView> branch(@PathVariable UUID clinicId, @PathVariable UUID branchId) {
        BranchView branch = directory.branch(clinicId, branchId);
        return Http.ok(branch.version(), branch);
    }

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
