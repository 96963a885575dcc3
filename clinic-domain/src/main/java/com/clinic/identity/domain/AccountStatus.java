package com.clinic.identity.domain;

/**
 * Where an account is in its life: invited staff wait for activation; disabled accounts cannot sign in;
 * erased accounts (their person asked to be forgotten) have no login left and never come back.
 */
public enum AccountStatus {
    PENDING,
    ACTIVE,
    DISABLED,
    ERASED
}
