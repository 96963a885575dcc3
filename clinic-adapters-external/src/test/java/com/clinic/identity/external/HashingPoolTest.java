package com.clinic.identity.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.identity.application.port.PasswordHasher;
import com.clinic.platform.application.Overloaded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingPoolTest {

    private final AtomicInteger refusals = new AtomicInteger();
    private final HashingPool pool = new HashingPool(1, 2, Duration.ofMinutes(1), refusals::incrementAndGet);
    private final List<String> ran = new CopyOnWriteArrayList<>();
    // Callers of their own: the common pool has a single thread on two cores, and the callers block.
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void close() {
        pool.close();
        callers.close();
    }

    /** Occupies the only thread until released. */
    private CompletableFuture<String> occupy(CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> busy = CompletableFuture.supplyAsync(
                () -> pool.run(50, () -> {
                    running.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "busy";
                }),
                callers);
        running.await();
        return busy;
    }

    private CompletableFuture<String> submit(String name, int priority) {
        return CompletableFuture.supplyAsync(
                () -> pool.run(priority, () -> {
                    ran.add(name);
                    return name;
                }),
                callers);
    }

    /** Submits, and waits until the job is in the queue (which is not full). */
    private CompletableFuture<String> queue(String name, int priority) {
        int before = pool.queued();
        CompletableFuture<String> job = submit(name, priority);
        Awaitility.await().until(() -> pool.queued() > before || job.isDone());
        return job;
    }

    @Test
    void aMoreUrgentHashTakesTheLeastUrgentOnesPlaceInAFullQueueAndRunsFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = occupy(release);
        CompletableFuture<String> older = queue("older suspect", 10);
        CompletableFuture<String> newer = queue("newer suspect", 10);

        CompletableFuture<String> fresh = submit("fresh client", 95);

        assertThatThrownBy(older::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(Overloaded.class);
        release.countDown();
        assertThat(busy.get()).isEqualTo("busy");
        assertThat(fresh.get()).isEqualTo("fresh client");
        assertThat(newer.get()).isEqualTo("newer suspect");
        assertThat(ran).containsExactly("fresh client", "newer suspect");
        assertThat(refusals).hasValue(1);
    }

    @Test
    void anEquallyUrgentHashTakesTheOldestOnesPlaceInAFullQueueAndRunsFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = occupy(release);
        CompletableFuture<String> first = queue("first", 95);
        CompletableFuture<String> second = queue("second", 95);

        CompletableFuture<String> third = submit("third", 95);

        assertThatThrownBy(first::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(Overloaded.class);
        release.countDown();
        assertThat(busy.get()).isEqualTo("busy");
        assertThat(third.get()).isEqualTo("third");
        assertThat(second.get()).isEqualTo("second");
        assertThat(ran).containsExactly("third", "second");
    }

    @Test
    void aLessUrgentHashThanEveryQueuedOneIsRefusedAtOnceWhenTheQueueIsFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = occupy(release);
        CompletableFuture<String> first = queue("first", 95);
        CompletableFuture<String> second = queue("second", 95);

        assertThatThrownBy(() -> pool.run(10, () -> "suspect")).isInstanceOf(Overloaded.class);

        release.countDown();
        assertThat(busy.get()).isEqualTo("busy");
        assertThat(first.get()).isEqualTo("first");
        assertThat(second.get()).isEqualTo("second");
        assertThat(ran).containsExactly("second", "first");
    }

    @Test
    void aKnownDeviceRunsBeforeAQueueFullOfFreshClientsAndTakesTheOldestFreshOnesPlace() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = occupy(release);
        // A botnet's first wave: every address is new, so each ranks as high as any new client can.
        CompletableFuture<String> firstFresh = queue("first fresh", PasswordHasher.FIRST);
        CompletableFuture<String> secondFresh = queue("second fresh", PasswordHasher.FIRST);

        CompletableFuture<String> returning = submit("returning user", PasswordHasher.KNOWN_DEVICE);

        assertThatThrownBy(firstFresh::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(Overloaded.class);
        // Later fresh guesses push out fresh ones, never the known device.
        CompletableFuture<String> lateFresh = submit("late fresh", PasswordHasher.FIRST);
        assertThatThrownBy(secondFresh::get)
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(Overloaded.class);
        release.countDown();
        assertThat(busy.get()).isEqualTo("busy");
        assertThat(returning.get()).isEqualTo("returning user");
        assertThat(lateFresh.get()).isEqualTo("late fresh");
        assertThat(ran).containsExactly("returning user", "late fresh");
    }
}
