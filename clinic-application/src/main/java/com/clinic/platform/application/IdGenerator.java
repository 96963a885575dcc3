package com.clinic.platform.application;

import java.util.UUID;

/** Source of new identifiers, injected so that tests control them and deciders never create them. */
@FunctionalInterface
public interface IdGenerator {

    UUID next();
}
