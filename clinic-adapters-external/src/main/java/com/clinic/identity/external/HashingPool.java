package com.clinic.identity.external;

import com.clinic.platform.application.Overloaded;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Password hashing's own few threads, off the request threads, with a bounded queue ordered by
 * priority (ADR 0013). When the queue is full, a job that ranks above the lowest queued one takes
 * its place and the lowest is refused; otherwise the newcomer is refused. So a burst from clients
 * with recent failures can neither starve a client without any nor make it wait for more than the
 * queue's length.
 *
 * <p>Among equal priorities the newest runs first, and a full queue gives up its oldest (LIFO, as
 * in adaptive-LIFO request queues): when many fresh clients arrive at once, as a botnet's first
 * guesses do, they all rank as high as a legitimate sign-in. In arrival order the legitimate one
 * waited behind the whole queue (3.5 s under 50 abusers, bench/findings.md #10) or was refused at a
 * full one; newest first, it waits for at most the hashes already running. The oldest in a long
 * queue would have waited longest anyway and are the ones whose clients gave up.
 *
 * <p>No executor of the JDK evicts by priority (a ThreadPoolExecutor over a bounded priority queue
 * rejects the newcomer), hence this small scheduler.
 */
final class HashingPool implements AutoCloseable {

    private static final Comparator<Job> ORDER =
            Comparator.comparingInt((Job job) -> -job.priority).thenComparingLong(job -> -job.sequence);

    private static final class Job {
        final int priority;
        final long sequence;
        final Supplier<?> work;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        final CountDownLatch started = new CountDownLatch(1);

        Job(int priority, long sequence, Supplier<?> work) {
            this.priority = priority;
            this.sequence = sequence;
            this.work = work;
        }
    }

    private final TreeSet<Job> queue = new TreeSet<>(ORDER);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final AtomicLong sequence = new AtomicLong();
    private final int capacity;
    private final Duration maxWait;
    private final Runnable onRefused;
    private final List<Thread> workers;
    private volatile boolean closed;

    HashingPool(int threads, int capacity, Duration maxWait, Runnable onRefused) {
        this.capacity = Math.max(1, capacity);
        this.maxWait = maxWait;
        this.onRefused = onRefused;
        this.workers = IntStream.range(0, Math.max(1, threads))
                .mapToObj(i -> Thread.ofPlatform()
                        .daemon()
                        .name("password-hashing-" + i)
                        .start(this::work))
                .toList();
    }

    /**
     * Runs {@code work} on a hashing thread; throws {@link Overloaded} when it is refused, or does not
     * start within the maximum wait. Once started, it is waited for to the end.
     */
    @SuppressWarnings("unchecked")
    <T> T run(int priority, Supplier<T> work) {
        Job job = new Job(priority, sequence.incrementAndGet(), work);
        Job evicted = null;
        lock.lock();
        try {
            if (queue.size() >= capacity) {
                Job lowest = queue.last();
                if (ORDER.compare(job, lowest) > 0) {
                    throw refused();
                }
                evicted = queue.pollLast();
            }
            queue.add(job);
            queued.signal();
        } finally {
            lock.unlock();
        }
        if (evicted != null) {
            evicted.result.completeExceptionally(refused());
            evicted.started.countDown(); // wakes its caller, who then finds the refusal
        }
        try {
            if (!job.started.await(maxWait.toNanos(), TimeUnit.NANOSECONDS) && withdraw(job)) {
                throw refused();
            }
            return (T) job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Queued: withdrawn. Already running: it finishes and its result is dropped.
            withdraw(job);
            throw refused();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** How many jobs wait for a thread (for tests). */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes a job out of the queue; false when a worker already took it. */
    private boolean withdraw(Job job) {
        lock.lock();
        try {
            return queue.remove(job);
        } finally {
            lock.unlock();
        }
    }

    private Overloaded refused() {
        onRefused.run();
        return new Overloaded("password hashing");
    }

    private void work() {
        while (!closed) {
            Job job;
            lock.lock();
            try {
                while (queue.isEmpty()) {
                    queued.await();
                }
                job = queue.pollFirst();
                job.started.countDown();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                job.result.complete(job.work.get());
            } catch (RuntimeException | Error e) {
                job.result.completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        workers.forEach(Thread::interrupt);
    }
}
