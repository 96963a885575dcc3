package com.clinic.platform.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's event table filled the way the application fills it: its JDBC storage engine with a
 * Jackson serializer on Flyway's tables, joining the caller's Spring transaction. For the adapters
 * that read {@code domainevententry} (audit) or rebuild from it (claims).
 */
public final class StoredEvents {

    private final JdbcEventStorageEngine engine;

    public StoredEvents(DataSource dataSource, PlatformTransactionManager transactions) {
        Serializer serializer = Jackson3Serializer.builder().build();
        this.engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(transactions))
                .schema(new EventSchema())
                .build();
    }

    public JdbcEventStorageEngine engine() {
        return engine;
    }

    /** An aggregate's event, as its repository appends it. */
    public void append(
            String aggregateType,
            String aggregateId,
            long sequence,
            Object payload,
            Map<String, ?> metadata,
            Instant at) {
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                aggregateType,
                aggregateId,
                sequence,
                payload,
                metadata,
                UUID.randomUUID().toString(),
                at)));
    }

    /** An event no aggregate published (stored with no type). */
    public void appendLoose(Object payload, Map<String, ?> metadata, Instant at) {
        engine.appendEvents(List.of(new GenericEventMessage<>(UUID.randomUUID().toString(), payload, metadata, at)));
    }

    /** Every stored event in the store's order, with its tracking token, as a processor receives it. */
    public List<TrackedEventMessage<?>> all() {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            return events.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }
}
