package com.clinic.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinic.platform.application.idempotency.IdempotencyStore.Claim;
import com.clinic.platform.application.idempotency.IdempotencyStore.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresTestDatabase.class)
class JooqIdempotencyStoreTest {

    private final JooqIdempotencyStore store;

    JooqIdempotencyStoreTest(DSLContext db) {
        this.store = new JooqIdempotencyStore(db);
    }

    @Test
    void theFirstClaimOfAKeyIsAcquiredAndASecondSeesItInProgressWithTheFirstFingerprint() {
        assertThat(store.claim("POST /appointments", "key-1", "fp-a")).isEqualTo(new Claim.Acquired());

        assertThat(store.claim("POST /appointments", "key-1", "fp-b")).isEqualTo(new Claim.InProgress("fp-a"));
    }

    @Test
    void aCompletedKeyReplaysItsStatusHeadersInOrderAndBody() {
        store.claim("POST /appointments", "key-1", "fp-a");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", "/api/v1/appointments/42");
        headers.put("ETag", "\"3\"");
        headers.put("Content-Type", "application/json");
        byte[] body = "{\"id\":42,\"name\":\"عمر\"}".getBytes(StandardCharsets.UTF_8);

        store.complete("POST /appointments", "key-1", new StoredResponse(201, headers, body));

        Claim replay = store.claim("POST /appointments", "key-1", "fp-a");
        assertThat(replay).isInstanceOfSatisfying(Claim.Replay.class, r -> {
            assertThat(r.requestFingerprint()).isEqualTo("fp-a");
            assertThat(r.response().status()).isEqualTo(201);
            assertThat(r.response().headers()).containsExactlyEntriesOf(headers);
            assertThat(r.response().body()).isEqualTo(body);
        });
    }

    @Test
    void aReplayOfAResponseWithoutHeadersOrBodyHasNeither() {
        store.claim("DELETE /sessions", "key-1", "fp-a");
        store.complete("DELETE /sessions", "key-1", new StoredResponse(204, Map.of(), new byte[0]));

        assertThat(store.claim("DELETE /sessions", "key-1", "fp-a")).isInstanceOfSatisfying(Claim.Replay.class, r -> {
            assertThat(r.response().status()).isEqualTo(204);
            assertThat(r.response().headers()).isEmpty();
            assertThat(r.response().body()).isEmpty();
        });
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        store.claim("POST /appointments", "key-1", "fp-a");

        store.release("POST /appointments", "key-1");

        assertThat(store.claim("POST /appointments", "key-1", "fp-b")).isEqualTo(new Claim.Acquired());
        assertThat(store.claim("POST /appointments", "key-1", "fp-c")).isEqualTo(new Claim.InProgress("fp-b"));
    }

    @Test
    void theSameKeyInAnotherScopeIsAnotherClaim() {
        store.claim("POST /appointments", "key-1", "fp-a");

        assertThat(store.claim("POST /waitlist", "key-1", "fp-a")).isEqualTo(new Claim.Acquired());
    }

    @Test
    void ofConcurrentClaimsOfOneKeyExactlyOneIsAcquired() throws Exception {
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Claim>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String fingerprint = "fp-" + i;
                Callable<Claim> claim = () -> {
                    start.await();
                    return store.claim("POST /appointments", "raced", fingerprint);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            List<Claim> results = new ArrayList<>();
            for (Future<Claim> claim : claims) {
                results.add(claim.get());
            }

            assertThat(results).filteredOn(Claim.Acquired.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Claim.InProgress.class::isInstance).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
