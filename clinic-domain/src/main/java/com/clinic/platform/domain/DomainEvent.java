package com.clinic.platform.domain;

/** An event recorded in one aggregate's stream. */
public interface DomainEvent {

    String aggregateId();
}
