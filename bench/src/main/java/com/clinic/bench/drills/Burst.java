package com.clinic.bench.drills;

import com.clinic.bench.support.Api;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** N POSTs released at the same instant by a latch, each on its own connection. */
final class Burst {

    /** {@code clientErrors}: requests that got no answer at all, by exception. */
    record Outcome(Map<Integer, Integer> byStatus, int serverErrors, Map<String, Integer> clientErrors, long elapsedMs) {}

    private Burst() {}

    /** Sends bodies[i] with tokens[i]; {@code each} sees every response, on the sending thread. */
    static Outcome post(String baseUrl, String path, List<String> tokens, List<String> bodies, Consumer<Api.Response> each)
            throws InterruptedException {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, Integer> clientErrors = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(bodies.size());
        CountDownLatch go = new CountDownLatch(1);
        long elapsed;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < bodies.size(); i++) {
                String body = bodies.get(i), token = tokens.get(i);
                pool.submit(() -> {
                    Api own = new Api(baseUrl); // its own connection
                    ready.countDown();
                    go.await();
                    Api.Response response;
                    try {
                        response = own.send("POST", path, token, body);
                    } catch (RuntimeException failure) {
                        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                        clientErrors.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        return null;
                    }
                    statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                    each.accept(response);
                    return null;
                });
            }
            ready.await();
            long t0 = System.nanoTime();
            go.countDown();
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            elapsed = (System.nanoTime() - t0) / 1_000_000;
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.get()));
        int serverErrors = byStatus.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
        Outcome outcome = new Outcome(byStatus, serverErrors, new TreeMap<>(clientErrors), elapsed);
        System.out.println("burst of " + bodies.size() + ": " + outcome);
        return outcome;
    }
}
