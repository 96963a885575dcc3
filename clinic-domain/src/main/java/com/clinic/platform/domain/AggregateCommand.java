package com.clinic.platform.domain;

/** A command addressed to one aggregate instance; the messaging layer routes it by this identifier. */
public interface AggregateCommand {

    String aggregateId();
}
