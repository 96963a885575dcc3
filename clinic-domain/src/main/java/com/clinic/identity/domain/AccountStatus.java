package com.clinic.identity.domain;

/** Where an account is in its life: invited staff wait for activation; disabled accounts cannot sign in. */
public enum AccountStatus {
    PENDING,
    ACTIVE,
    DISABLED
}
