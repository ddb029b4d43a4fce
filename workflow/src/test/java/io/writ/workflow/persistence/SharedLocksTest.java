package io.writ.workflow.persistence;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The locks portal nodes share through the database (H2, or PostgreSQL when ./test.sh names one). */
class SharedLocksTest {

    private static final Duration HOURLY = Duration.ofMinutes(60);

    private final SharedLocks locks = new SharedLocks();
    private final SharedLocks otherNode = new SharedLocks();

    SharedLocksTest() {
        var database = TestDatabase.migrated();
        locks.dataSource = database;
        otherNode.dataSource = database;
    }

    @Test
    void aScheduledRoundIsClaimedByOneNodeOnly() {
        var now = Instant.parse("2026-11-28T10:00:00Z");
        locks.clock = Clock.fixed(now, ZoneOffset.UTC);
        otherNode.clock = Clock.fixed(now.plusSeconds(2), ZoneOffset.UTC);

        assertThat(locks.claimRound("nhi-rotation-schedule", HOURLY)).isTrue();
        assertThat(otherNode.claimRound("nhi-rotation-schedule", HOURLY)).as("the same round on another node").isFalse();
        assertThat(otherNode.claimRound("access-review-cadence", HOURLY)).as("another schedule").isTrue();

        otherNode.clock = Clock.fixed(now.plus(Duration.ofMinutes(55)), ZoneOffset.UTC);
        assertThat(otherNode.claimRound("nhi-rotation-schedule", HOURLY)).as("the next round, a little early").isTrue();
        locks.clock = Clock.fixed(now.plus(Duration.ofMinutes(56)), ZoneOffset.UTC);
        assertThat(locks.claimRound("nhi-rotation-schedule", HOURLY)).isFalse();
    }

    @Test
    void whileOneNodeHoldsTheStartLockAnotherWaits() throws Exception {
        var firstInside = new CountDownLatch(1);
        var firstMayLeave = new CountDownLatch(1);
        var secondInside = new AtomicBoolean();

        var first = CompletableFuture.supplyAsync(() -> locks.whileHolding("process-engine-start", () -> {
            firstInside.countDown();
            awaitLatch(firstMayLeave);
            return "first";
        }));
        assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();
        var second = CompletableFuture.supplyAsync(() -> otherNode.whileHolding("process-engine-start", () -> {
            secondInside.set(true);
            return "second";
        }));

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).untilFalse(secondInside);
        firstMayLeave.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(secondInside).isTrue();
    }

    @Test
    void workThatFailsReleasesTheLock() throws Exception {
        var failed = CompletableFuture.runAsync(() -> locks.whileHolding("process-engine-start", () -> {
            throw new IllegalStateException("engine build failed");
        }));
        assertThat(failed).failsWithin(Duration.ofSeconds(10));
        assertThat(CompletableFuture.supplyAsync(() -> otherNode.whileHolding("process-engine-start", () -> "next"))
                .get(10, TimeUnit.SECONDS)).isEqualTo("next");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
