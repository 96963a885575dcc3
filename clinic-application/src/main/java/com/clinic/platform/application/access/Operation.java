package com.clinic.platform.application.access;

/**
 * Something an actor may ask of the system, with its rule. Each context lists its operations in one
 * enum implementing this (its access table, reviewable in one screen); {@link AccessPolicy} is the one
 * place that applies them.
 */
public interface Operation {

    String name();

    Rule rule();
}
