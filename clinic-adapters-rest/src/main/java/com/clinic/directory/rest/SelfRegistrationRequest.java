package com.clinic.directory.rest;

import com.clinic.platform.rest.VerbatimText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A patient signing up: where they will be seen, who they are, and the password for their account. */
record SelfRegistrationRequest(
        @NotNull UUID homeBranchId,
        @NotNull @Valid PatientRequest patient,
        @NotBlank @Size(max = 200) @VerbatimText String password) {

    @Override
    public String toString() {
        return "SelfRegistrationRequest[homeBranchId=" + homeBranchId + ", patient=***, password=***]";
    }
}
