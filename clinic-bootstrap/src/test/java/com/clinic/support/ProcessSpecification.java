package com.clinic.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.clinic.platform.application.axon.DeciderAggregate;
import com.clinic.platform.application.axon.MetadataKeys;
import com.clinic.platform.application.context.ReadModelBarrier;
import com.clinic.platform.domain.AggregateCommand;
import com.clinic.platform.domain.DomainEvent;
import com.clinic.testsupport.TestClock;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionTimeoutException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Given these events, when this event, expect these commands: a specification of one process (an
 * event processor whose handlers send commands) run as it runs in production, in the shared
 * application on PostgreSQL, with nothing stood in for.
 *
 * <pre>{@code
 * try (var spec = ProcessSpecification.of(context, "scheduling-waitlist-offers")) {
 *     UUID hold = spec.generated();
 *     spec.given(clinic, doctor, schedule, patientJoined);
 *     spec.when(appointmentCancelled).expectCommands(new HoldSlot(hold, ...), new MakeOffer(entry, offer(hold), spec.now()));
 *     spec.whenSent(new DeclineOffer(entry, Optional.of(hold), patientUser, spec.now())).expectCommands(...);
 * }
 * }</pre>
 *
 * <p><b>Given</b> events are appended through the event store as their aggregates' own events (the
 * aggregate type of the {@link DeciderAggregate} whose event type they are, the next sequence numbers
 * of their streams), so everything that consumes events sees them as it would see a command's: the
 * subscribing claim ledger in the same transaction, every projection, the process itself. Events can
 * also be produced by sending the command that makes them ({@link #givenSent}, {@link #whenSent}).
 * Each step returns once the process has handled everything stored so far and every projection has
 * caught up, so the next step meets a settled world; what the process did meanwhile (its own offers,
 * say) is part of that world, as it would be in production.
 *
 * <p><b>Expected</b> commands are the ones the process dispatched on the real command bus while
 * handling the step's events, and only those: a handler interceptor on the process's processor marks
 * the thread with the event it is handling (until that event's unit of work is cleaned up, so steps
 * committed on their own and releases after a rollback count), and a dispatch interceptor on the
 * command bus records every command sent from a marked thread under its event. Other tests' commands,
 * commands the test sends itself, and the process's reactions to other events are never mixed in; nor
 * are the commands other contexts send while listening, in the step's transaction, to what the process
 * published (a notification about an offer is the notifications context's reaction, read with {@link
 * Reaction#commandsOfOtherContexts()}). The context is the processing group's first word. The
 * reaction is read only once the processor's token has passed the step's last event, so "no commands"
 * means the process handled the event and sent none, not that it has not got to it yet.
 *
 * <p>The application's clock stands still from the start (every command's time is {@link #now()}
 * unless the specification moves it), and ids the process generates are written as {@link
 * #generated()} placeholders: the first expectation that meets one binds it to the actual id, and
 * later steps and expectations use that id wherever the placeholder appears.
 */
public final class ProcessSpecification implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(10);

    /**
     * The event a process under specification is handling on this thread, while it is. A command or
     * publication is recorded by the specification that saw that event (specifications run one at a
     * time; another one's event is simply not found in this one's record).
     */
    private static final ThreadLocal<EventMessage<?>> HANDLING = new ThreadLocal<>();

    private final String processingGroup;
    /** The package prefix of the commands that are the process's own. */
    private final String ownContext;

    private final StreamingEventProcessor processor;
    private final EventStore eventStore;
    private final CommandGateway gateway;
    private final TransactionTemplate transaction;
    private final ReadModelBarrier readModels;
    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TestClock clock;
    private final ConfigurableApplicationContext context;
    private final Map<Class<?>, String> aggregateTypes;
    private final Instant now;

    private final Map<String, Handled> handled = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> bound = new ConcurrentHashMap<>();
    private final Set<UUID> placeholders = ConcurrentHashMap.newKeySet();
    private final List<Registration> registrations = new ArrayList<>();
    private final ApplicationListener<ApplicationEvent> publications = this::published;
    private final List<StreamingEventProcessor> paused = new CopyOnWriteArrayList<>();

    /** What the process did while handling one event, over every attempt. */
    private static final class Handled {
        final List<Object> commands = new CopyOnWriteArrayList<>();
        /** Commands of other contexts, sent by their listeners to what the process published. */
        final List<Object> elsewhere = new CopyOnWriteArrayList<>();

        final List<Object> published = new CopyOnWriteArrayList<>();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        /** Commands sent without the event as their cause: the audit trail could not say why they were sent. */
        final List<Object> uncaused = new CopyOnWriteArrayList<>();
    }

    /** One stored event of a step: its message identifier and its place in the store. */
    private record Stored(String identifier, long globalIndex) {}

    private ProcessSpecification(ApplicationContext context, String processingGroup) {
        this.processingGroup = processingGroup;
        this.ownContext = "com.clinic." + processingGroup.split("-", 2)[0] + ".";
        this.context = (ConfigurableApplicationContext) context;
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.processor = processing
                .eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor runs " + processingGroup));
        this.eventStore = context.getBean(EventStore.class);
        this.gateway = context.getBean(CommandGateway.class);
        this.transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.readModels = context.getBean(ReadModelBarrier.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.clock = context.getBean(TestClock.class);
        this.aggregateTypes = aggregateTypes(context.getBean(org.axonframework.config.Configuration.class));
        this.now = clock.standStill();
        MessageHandlerInterceptor<EventMessage<?>> watch = (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            Handled record = handled.computeIfAbsent(event.getIdentifier(), id -> new Handled());
            HANDLING.set(event);
            unitOfWork.onCleanup(done -> HANDLING.remove());
            try {
                return chain.proceed();
            } catch (Exception failure) {
                record.failures.add(failure);
                throw failure;
            }
        };
        MessageDispatchInterceptor<CommandMessage<?>> recordCommands = messages -> (index, command) -> {
            Handled record = current();
            if (record != null && !command.getPayloadType().getName().startsWith(ownContext)) {
                record.elsewhere.add(command.getPayload());
            } else if (record != null) {
                record.commands.add(command.getPayload());
                EventMessage<?> cause = HANDLING.get();
                if (cause == null
                        || !cause.getIdentifier().equals(command.getMetaData().get(MetadataKeys.CAUSATION_ID))) {
                    record.uncaused.add(command.getPayload());
                }
            }
            return command;
        };
        registrations.add(processor.registerHandlerInterceptor(watch));
        registrations.add(context.getBean(CommandBus.class).registerDispatchInterceptor(recordCommands));
        this.context.addApplicationListener(publications);
    }

    /** A specification of the process that runs in this processing group; close it after the test. */
    public static ProcessSpecification of(ApplicationContext context, String processingGroup) {
        return new ProcessSpecification(context, processingGroup);
    }

    /** The instant the application's clock stands still at, unless {@link #advance}d. */
    public Instant now() {
        return now;
    }

    /** Moves the application's clock forward; it stands still again at the new instant. */
    public Instant advance(Duration duration) {
        clock.advance(duration);
        return clock.instant();
    }

    /** A placeholder for an id the process will generate (see the class comment). */
    public UUID generated() {
        UUID placeholder = UUID.randomUUID();
        placeholders.add(placeholder);
        return placeholder;
    }

    /** The id a placeholder was bound to. */
    public UUID id(UUID placeholder) {
        UUID id = bound.get(placeholder);
        if (id == null) {
            throw new IllegalStateException("No expectation has bound " + placeholder + " yet");
        }
        return id;
    }

    /** These events happened, in this order, in one transaction. */
    public Reaction given(DomainEvent... events) {
        return step(events);
    }

    /** The events this command makes happened. */
    public Reaction givenSent(AggregateCommand command) {
        return sent(command);
    }

    /** These events happen, in this order, in one transaction; the process's reaction to them. */
    public Reaction when(DomainEvent... events) {
        return step(events);
    }

    /** The events this command makes happen; the process's reaction to them. */
    public Reaction whenSent(AggregateCommand command) {
        return sent(command);
    }

    /**
     * These events happen while the process is not running, and it handles them this much later
     * (after an outage, or far behind): the clock has moved on by then.
     */
    public Reaction whenLate(Duration late, DomainEvent... events) {
        processor.shutDown();
        List<Stored> stored;
        try {
            stored = append(events);
            clock.advance(late);
        } finally {
            processor.start();
        }
        return reactionTo(stored);
    }

    /**
     * These events happen while another processor the process depends on (the projection it reads,
     * say) is stopped; that one starts again once the process has failed on them at least once, so
     * the reaction shows both the attempts it gave back ({@link Reaction#failures}) and the retry.
     */
    public Reaction whenBehind(String otherProcessingGroup, DomainEvent... events) {
        List<Stored> stored;
        try (Paused other = pause(otherProcessingGroup)) {
            stored = append(events);
            await(processingGroup + " failing while " + otherProcessingGroup + " is stopped")
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> stored.stream()
                            .map(event -> handled.get(event.identifier()))
                            .anyMatch(record -> record != null && !record.failures.isEmpty()));
        }
        return reactionTo(stored);
    }

    /**
     * Stops another event processor (a projection, say) until the returned handle is closed, so a
     * specification can show the process meeting a read model that has not seen the latest events.
     */
    public Paused pause(String otherProcessingGroup) {
        StreamingEventProcessor other = processing
                .eventProcessorByProcessingGroup(otherProcessingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalArgumentException("No streaming processor runs " + otherProcessingGroup));
        other.shutDown();
        paused.add(other);
        return () -> {
            if (paused.remove(other)) {
                other.start();
            }
        };
    }

    /** A processor stopped by {@link #pause}; closing it starts the processor again. */
    public interface Paused extends AutoCloseable {
        @Override
        void close();
    }

    /** Undoes what the specification changed in the shared application: interceptors, clock, pauses. */
    @Override
    public void close() {
        registrations.forEach(Registration::cancel);
        context.removeApplicationListener(publications);
        for (StreamingEventProcessor other : paused) {
            other.start();
        }
        paused.clear();
        clock.reset();
    }

    private Reaction step(DomainEvent... events) {
        if (events.length == 0) {
            throw new IllegalArgumentException("A step needs at least one event");
        }
        return reactionTo(append(events));
    }

    /**
     * Sends the command as the test (so it is no command of the process) and finds the events it
     * stored by their cause: the command message's identifier, which Axon writes on each of them.
     */
    private Reaction sent(AggregateCommand command) {
        AggregateCommand resolved = (AggregateCommand) resolve(command);
        long before = eventStore.lastSequenceNumberFor(resolved.aggregateId()).orElse(-1L);
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(resolved);
        gateway.sendAndWait(message);
        List<Stored> stored = jdbc.query(
                "select eventidentifier, globalindex from domainevententry where aggregateidentifier = ?"
                        + " and sequencenumber > ? and position(convert_to(?, 'UTF8') in metadata) > 0"
                        + " order by sequencenumber",
                (row, i) -> new Stored(row.getString(1), row.getLong(2)),
                resolved.aggregateId(),
                before,
                message.getIdentifier());
        if (stored.isEmpty()) {
            throw new AssertionError(resolved + " stored no event: a step must make something happen");
        }
        return reactionTo(stored);
    }

    private List<Stored> append(DomainEvent... events) {
        List<DomainEventMessage<?>> messages = transaction.execute(status -> {
            Map<String, Long> next = new HashMap<>();
            List<DomainEventMessage<?>> toStore = new ArrayList<>();
            for (DomainEvent given : events) {
                DomainEvent event = (DomainEvent) resolve(given);
                String aggregateId = event.aggregateId();
                long sequence = next.computeIfAbsent(aggregateId, id -> eventStore
                        .lastSequenceNumberFor(id)
                        .map(last -> last + 1)
                        .orElse(0L));
                next.put(aggregateId, sequence + 1);
                toStore.add(new GenericDomainEventMessage<>(
                        aggregateType(event), aggregateId, sequence, event, MetaData.emptyInstance()));
            }
            eventStore.publish(toStore);
            return toStore;
        });
        List<String> identifiers =
                messages.stream().map(EventMessage::getIdentifier).toList();
        Map<String, Long> indexes = new HashMap<>();
        jdbc.query(
                "select eventidentifier, globalindex from domainevententry where eventidentifier = any(?)",
                row -> {
                    indexes.put(row.getString(1), row.getLong(2));
                },
                (Object) identifiers.toArray(String[]::new));
        return identifiers.stream()
                .map(identifier -> new Stored(identifier, indexes.get(identifier)))
                .toList();
    }

    /** Waits until the process has handled these events and the world has settled, then reads what it did. */
    private Reaction reactionTo(List<Stored> stored) {
        awaitProcessed(stored);
        settle();
        List<Handled> records = stored.stream()
                .map(event -> handled.getOrDefault(event.identifier(), new Handled()))
                .toList();
        List<Object> commands = new ArrayList<>();
        List<Object> elsewhere = new ArrayList<>();
        List<Object> published = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Handled record : records) {
            assertThat(record.uncaused)
                    .as("commands the process sent without the event that caused them (" + MetadataKeys.CAUSATION_ID
                            + ")")
                    .isEmpty();
            commands.addAll(record.commands);
            elsewhere.addAll(record.elsewhere);
            published.addAll(record.published);
            failures.addAll(record.failures);
        }
        return new Reaction(
                List.copyOf(commands), List.copyOf(elsewhere), List.copyOf(published), List.copyOf(failures));
    }

    /**
     * Until the process has handled everything stored so far and every projection has caught up with
     * it, with nothing stored meanwhile (what the process did in reaction is handled too).
     */
    private void settle() {
        await(processingGroup + " and the projections settled")
                .atMost(PATIENCE)
                .pollInterval(POLL)
                .until(() -> {
                    long head = storeHead();
                    return readModels.awaitHandled(
                                    processingGroup, new GlobalSequenceTrackingToken(head), Duration.ZERO)
                            && readModels.awaitCaughtUp(Duration.ZERO)
                            && storeHead() == head;
                });
    }

    /** Until the processor's token has passed the last of these events (failures tell why it has not). */
    private void awaitProcessed(List<Stored> events) {
        long globalIndex = events.stream().mapToLong(Stored::globalIndex).max().orElseThrow();
        GlobalSequenceTrackingToken position = new GlobalSequenceTrackingToken(globalIndex);
        try {
            await(processingGroup + " past " + globalIndex)
                    .atMost(PATIENCE)
                    .pollInterval(POLL)
                    .until(() -> readModels.awaitHandled(processingGroup, position, Duration.ZERO));
        } catch (ConditionTimeoutException stuck) {
            List<Throwable> failures = events.stream()
                    .map(event -> handled.get(event.identifier()))
                    .filter(record -> record != null)
                    .flatMap(record -> record.failures.stream())
                    .toList();
            AssertionError error = new AssertionError(
                    processingGroup + " did not get past global index " + globalIndex + "; failures: " + failures,
                    stuck);
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    private long storeHead() {
        return jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
    }

    private void published(ApplicationEvent event) {
        Handled record = current();
        if (record != null && event instanceof PayloadApplicationEvent<?> payload) {
            record.published.add(payload.getPayload());
        }
    }

    /** The record of the event the process is handling on this thread, if it is one of this specification's. */
    private @Nullable Handled current() {
        EventMessage<?> event = HANDLING.get();
        return event == null ? null : handled.get(event.getIdentifier());
    }

    private String aggregateType(DomainEvent event) {
        return aggregateTypes.entrySet().stream()
                .filter(type -> type.getKey().isInstance(event))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No event-sourced aggregate stores " + event.getClass().getName()));
    }

    /** Each decider aggregate's event type and the aggregate type Axon stores its events under. */
    private static Map<Class<?>, String> aggregateTypes(org.axonframework.config.Configuration axon) {
        Map<Class<?>, String> types = new LinkedHashMap<>();
        @SuppressWarnings("rawtypes")
        List<AggregateConfiguration> aggregates = axon.findModules(AggregateConfiguration.class);
        for (AggregateConfiguration<?> aggregate : aggregates) {
            Class<?> type = aggregate.aggregateType();
            Type superclass = type.getGenericSuperclass();
            if (superclass instanceof ParameterizedType decider && decider.getRawType() == DeciderAggregate.class) {
                Class<?> events = (Class<?>) decider.getActualTypeArguments()[1];
                // Inspected as the application inspects it: its handlers take parameters only it resolves.
                types.put(
                        events,
                        AnnotatedAggregateMetaModelFactory.inspectAggregate(
                                        type, axon.parameterResolverFactory(), axon.handlerDefinition(type))
                                .type());
            }
        }
        return types;
    }

    // --- placeholders: binding them to what the process generated, and using what they are bound to ---

    private Object resolve(Object value) {
        return substitute(value, id -> bound.getOrDefault(id, id));
    }

    /** Binds each placeholder in {@code expected} that is not bound yet to the id in the same place in {@code actual}. */
    private void bind(Object expected, Object actual) {
        switch (expected) {
            case UUID placeholder
            when placeholders.contains(placeholder) -> {
                if (!bound.containsKey(placeholder) && actual instanceof UUID id && !bound.containsValue(id)) {
                    bound.put(placeholder, id);
                }
            }
            case Record record
            when actual != null && actual.getClass() == record.getClass() -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    bind(read(component, record), read(component, actual));
                }
            }
            case Optional<?> optional
            when actual instanceof Optional<?> other -> {
                if (optional.isPresent() && other.isPresent()) {
                    bind(optional.get(), other.get());
                }
            }
            case List<?> list
            when actual instanceof List<?> other -> {
                for (int i = 0; i < Math.min(list.size(), other.size()); i++) {
                    bind(list.get(i), other.get(i));
                }
            }
            default -> {
                // Nothing to bind: a plain value, or shapes that differ (the comparison then fails).
            }
        }
    }

    /** The value with every UUID in it (in records, optionals and collections) mapped. */
    static Object substitute(Object value, UnaryOperator<UUID> ids) {
        return switch (value) {
            case null -> null;
            case UUID id -> ids.apply(id);
            case Record record -> rebuild(record, ids);
            case Optional<?> optional -> optional.map(inner -> substitute(inner, ids));
            case List<?> list ->
                list.stream().map(inner -> substitute(inner, ids)).toList();
            case Set<?> set -> {
                Set<Object> mapped = new LinkedHashSet<>();
                set.forEach(inner -> mapped.add(substitute(inner, ids)));
                yield Set.copyOf(mapped);
            }
            case Map<?, ?> map -> {
                Map<Object, Object> mapped = new LinkedHashMap<>();
                map.forEach((key, inner) -> mapped.put(substitute(key, ids), substitute(inner, ids)));
                yield Map.copyOf(mapped);
            }
            default -> value;
        };
    }

    /** Whether this id appears anywhere in the value. */
    static boolean mentions(Object value, UUID id) {
        return switch (value) {
            case null -> false;
            case UUID other -> other.equals(id);
            case Record record ->
                Arrays.stream(record.getClass().getRecordComponents())
                        .anyMatch(component -> mentions(read(component, record), id));
            case Optional<?> optional ->
                optional.map(inner -> mentions(inner, id)).orElse(false);
            case Collection<?> collection -> collection.stream().anyMatch(inner -> mentions(inner, id));
            case Map<?, ?> map ->
                map.entrySet().stream()
                        .anyMatch(entry -> mentions(entry.getKey(), id) || mentions(entry.getValue(), id));
            default -> false;
        };
    }

    private static Object rebuild(Record record, UnaryOperator<UUID> ids) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = substitute(read(components[i], record), ids);
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("Cannot rebuild " + record, failure);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException failure) {
            throw new IllegalStateException("Cannot read " + component + " of " + record, failure);
        }
    }

    /** What the process did while handling one step's events, once it has handled them all. */
    public final class Reaction {

        private final List<Object> commands;
        private final List<Object> elsewhere;
        private final List<Object> published;
        private final List<Throwable> failures;

        private Reaction(
                List<Object> commands, List<Object> elsewhere, List<Object> published, List<Throwable> failures) {
            this.commands = commands;
            this.elsewhere = elsewhere;
            this.published = published;
            this.failures = failures;
        }

        /** The commands the process sent, in the order it sent them (refused ones too). */
        public List<Object> commands() {
            return commands;
        }

        /** Commands other contexts sent in the step, listening to what the process published, in order. */
        public List<Object> commandsOfOtherContexts() {
            return elsewhere;
        }

        /** The application events the process published (for other modules), in order. */
        public List<Object> published() {
            return published;
        }

        /** What the process threw on attempts that failed and were retried. */
        public List<Throwable> failures() {
            return failures;
        }

        /** Exactly these commands, in this order; placeholders bind to the ids the process generated. */
        public Reaction expectCommands(Object... expected) {
            return expect("commands", commands, expected);
        }

        public Reaction expectNoCommands() {
            assertThat(commands)
                    .as("commands %s sent while handling the step", processingGroup)
                    .isEmpty();
            return this;
        }

        /** Exactly these application events, in this order, with placeholders as for commands. */
        public Reaction expectPublished(Object... expected) {
            return expect("published events", published, expected);
        }

        public Reaction expectNothingPublished() {
            assertThat(published)
                    .as("events %s published while handling the step", processingGroup)
                    .isEmpty();
            return this;
        }

        /** The part of the reaction that names this id anywhere (placeholders resolved). */
        public Reaction about(UUID id) {
            UUID resolved = (UUID) resolve(id);
            Predicate<Object> naming = message -> mentions(message, resolved);
            return new Reaction(
                    commands.stream().filter(naming).toList(),
                    elsewhere.stream().filter(naming).toList(),
                    published.stream().filter(naming).toList(),
                    failures);
        }

        /** The one command of this type the process sent. */
        public <T> T command(Class<T> type) {
            List<T> found =
                    commands.stream().filter(type::isInstance).map(type::cast).toList();
            assertThat(found).as("%s commands sent", type.getSimpleName()).hasSize(1);
            return found.getFirst();
        }

        private Reaction expect(String what, List<Object> actual, Object... expected) {
            List<Object> wanted = List.of(expected);
            for (int i = 0; i < Math.min(wanted.size(), actual.size()); i++) {
                bind(wanted.get(i), actual.get(i));
            }
            assertThat(actual)
                    .as("%s of %s while handling the step", what, processingGroup)
                    .containsExactlyElementsOf(wanted.stream()
                            .map(ProcessSpecification.this::resolve)
                            .toList());
            return this;
        }
    }
}
