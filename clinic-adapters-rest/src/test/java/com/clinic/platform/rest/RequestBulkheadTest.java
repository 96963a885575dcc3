package com.clinic.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinic.platform.application.Overloaded;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Requests beyond the permits wait their turn instead of failing, up to the maximum wait. */
class RequestBulkheadTest {

    private static final List<String> SIGN_IN = List.of("/api/v1/auth/login");

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private final FilterChain holdsItsPermit = (request, response) -> {
        holding.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    @Test
    void aRequestWaitsWhileThePermitsAreTakenAndGoesOnWhenOneIsReleased() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(1, Duration.ofSeconds(30), SIGN_IN);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(bulkhead, holdsItsPermit));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch secondRan = new CountDownLatch(1);
        CompletableFuture<Void> second =
                CompletableFuture.runAsync(() -> run(bulkhead, (request, response) -> secondRan.countDown()));

        assertThat(secondRan.await(200, TimeUnit.MILLISECONDS)).isFalse();
        release.countDown();

        assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatCannotGetAPermitWithinTheMaximumWaitIsOverloaded() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(1, Duration.ofMillis(50), SIGN_IN);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(bulkhead, holdsItsPermit));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> bulkhead.doFilter(api(), new MockHttpServletResponse(), (rq, rs) -> {}))
                    .isInstanceOf(Overloaded.class);
        } finally {
            release.countDown();
        }
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsOutsideTheApiNeverWait() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(0, Duration.ofMillis(1), SIGN_IN);
        CountDownLatch ran = new CountDownLatch(1);

        bulkhead.doFilter(
                new MockHttpServletRequest("GET", "/actuator/health/readiness"),
                new MockHttpServletResponse(),
                (request, response) -> ran.countDown());

        assertThat(ran.getCount()).isZero();
    }

    @Test
    void aSignInDoesNotQueueBehindTheRequestsHoldingEveryPermit() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(1, Duration.ofSeconds(30), SIGN_IN);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run(bulkhead, holdsItsPermit));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch signInRan = new CountDownLatch(1);
        try {
            bulkhead.doFilter(
                    new MockHttpServletRequest("POST", "/api/v1/auth/login"),
                    new MockHttpServletResponse(),
                    (request, response) -> signInRan.countDown());
        } finally {
            release.countDown();
        }

        assertThat(signInRan.getCount()).isZero();
        first.get(10, TimeUnit.SECONDS);
    }

    private static MockHttpServletRequest api() {
        return new MockHttpServletRequest("POST", "/api/v1/appointments");
    }

    private static void run(RequestBulkhead bulkhead, FilterChain chain) {
        try {
            bulkhead.doFilter(api(), new MockHttpServletResponse(), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
