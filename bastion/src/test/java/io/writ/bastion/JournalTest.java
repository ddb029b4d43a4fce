package io.writ.bastion;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Events wait on the bastion's disk until the portal has them: sent in order, each once, across the portal being
 * away and the agent restarting. The portal is a fake that takes the place of {@link WritClient#send}.
 */
class JournalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path state;

    private final List<Thread> senders = new ArrayList<>();

    @AfterEach
    void stopSenders() throws InterruptedException {
        for (var sender : senders) {
            stop(sender);
        }
    }

    @Test
    void eventsAreSentInOrderAsNdjson() throws Exception {
        var portal = new FakePortal(0);
        var journal = new Journal(journalFile(), portal);
        journal.append(event(1));
        journal.append(event(2));
        journal.append(event(3));

        start(journal);

        assertThat(portal.receive(3)).containsExactly(event(1), event(2), event(3));
        assertThat(portal.batches).allSatisfy(batch -> assertThat(batch).endsWith("\n"));
    }

    @Test
    void eventsAppendedWhileTheSenderRunsAreSentToo() throws Exception {
        var portal = new FakePortal(0);
        var journal = new Journal(journalFile(), portal);
        start(journal);

        journal.append(event(1));
        assertThat(portal.receive(1)).containsExactly(event(1));
        journal.append(event(2));
        journal.append(event(3));
        assertThat(portal.receive(2)).containsExactly(event(2), event(3));
    }

    @Test
    void eventsWaitWhileThePortalIsAwayAndAreThenSentEachOnce() throws Exception {
        var portal = new FakePortal(2);
        var journal = new Journal(journalFile(), portal);
        portal.journal = journal;
        journal.append(event(1));
        journal.append(event(2));
        journal.append(event(3));

        start(journal);

        assertThat(portal.receive(3)).containsExactly(event(1), event(2), event(3));
        assertThat(portal.awayWhenAsked).as("whether the journal said the portal was away, at each attempt")
                .startsWith(false, true, true);
        assertThat(portal.attempts()).as("two refused attempts, then one that took all three events").isEqualTo(3);
        eventually("the journal sees the portal back", () -> !journal.portalAway());
    }

    @Test
    void aSentJournalStartsAgainEmpty() throws Exception {
        var portal = new FakePortal(1);
        var journal = new Journal(journalFile(), portal);
        journal.append(event(1));
        journal.append(event(2));
        assertThat(Files.size(journalFile())).isPositive();

        start(journal);

        portal.receive(2);
        eventually("the journal file is truncated", () -> size(journalFile()) == 0);
    }

    @Test
    void afterARestartWhatThePortalHadIsNotSentAgainButWhatItLackedIs() throws Exception {
        // The portal takes event 1; event 2 is appended while it is on its way, and then the portal goes away.
        var before = new FakePortal(0);
        var first = new Journal(journalFile(), before);
        before.onFirstBatch = () -> first.append(event(2));
        before.awayAfterBatches = 1;
        first.append(event(1));
        var sender = start(first);
        assertThat(before.receive(1)).containsExactly(event(1));
        before.awaitAttempts(2);
        stop(sender);

        var after = new FakePortal(0);
        var second = new Journal(journalFile(), after);
        start(second);

        assertThat(after.receive(1)).as("only what the portal lacked, and nothing before it").containsExactly(event(2));
        eventually("the journal file is truncated", () -> size(journalFile()) == 0);
    }

    @Test
    void afterARestartNothingThePortalHadIsSentAgain() throws Exception {
        var before = new FakePortal(0);
        var first = new Journal(journalFile(), before);
        first.append(event(1));
        first.append(event(2));
        var sender = start(first);
        assertThat(before.receive(2)).containsExactly(event(1), event(2));
        eventually("the journal file is truncated", () -> size(journalFile()) == 0);
        stop(sender);

        var after = new FakePortal(0);
        var second = new Journal(journalFile(), after);
        second.append(event(3));
        start(second);

        assertThat(after.receive(1)).as("events are sent in order: any sent again would come first")
                .containsExactly(event(3));
    }

    @Test
    void eventsThatNeverReachedThePortalAreSentAfterARestart() throws Exception {
        var before = new FakePortal(Integer.MAX_VALUE);
        var first = new Journal(journalFile(), before);
        first.append(event(1));
        first.append(event(2));
        var sender = start(first);
        before.awaitAttempts(1);
        stop(sender);

        var after = new FakePortal(0);
        start(new Journal(journalFile(), after));

        assertThat(after.receive(2)).containsExactly(event(1), event(2));
    }

    @Test
    void anEventHoldingALineBreakTravelsAsOneLine() throws Exception {
        var portal = new FakePortal(0);
        var journal = new Journal(journalFile(), portal);
        journal.append("{\"eventId\":\"s-1#1\",\"detail\":\"for f in *; do\necho $f\ndone\"}");
        journal.append(event(2));

        start(journal);

        var lines = portal.receive(2);
        assertThat(Json.object(lines.get(0))).containsEntry("detail", "for f in *; do\necho $f\ndone");
        assertThat(lines.get(1)).isEqualTo(event(2));
    }

    // --- the portal, the sender and the journal's file ---

    /** A portal that is away for the first attempts, then takes every batch; the batches it took, in order. */
    private static final class FakePortal extends WritClient {

        final List<String> batches = new CopyOnWriteArrayList<>();
        final List<Boolean> awayWhenAsked = new CopyOnWriteArrayList<>();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final BlockingQueue<Integer> attemptsMade = new LinkedBlockingQueue<>();
        private volatile int awayFor;
        private int attempts;
        volatile Journal journal;
        volatile Runnable onFirstBatch;
        /** After this many batches taken, the portal is away for good. */
        volatile int awayAfterBatches = Integer.MAX_VALUE;

        FakePortal(int awayForAttempts) {
            super(settings());
            this.awayFor = awayForAttempts;
        }

        @Override
        synchronized Map<String, Object> send(String ndjson) throws Unreachable {
            attemptsMade.add(++attempts);
            if (journal != null) {
                awayWhenAsked.add(journal.portalAway());
            }
            if (awayFor > 0 || batches.size() >= awayAfterBatches) {
                awayFor--;
                throw new Unreachable("the portal did not answer (test)");
            }
            if (batches.isEmpty() && onFirstBatch != null) {
                onFirstBatch.run();
            }
            batches.add(ndjson);
            var taken = ndjson.split("\n");
            lines.addAll(List.of(taken));
            return Map.of("accepted", (long) taken.length, "duplicates", 0L, "rejected", List.of());
        }

        synchronized int attempts() {
            return attempts;
        }

        /** The next n events the portal takes, waiting at most PATIENCE for each. */
        List<String> receive(int n) throws InterruptedException {
            var received = new ArrayList<String>();
            for (int i = 0; i < n; i++) {
                var line = lines.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (line == null) {
                    fail("the portal received " + received + " and then nothing within " + PATIENCE);
                }
                received.add(line);
            }
            return received;
        }

        /** Returns once the journal has tried to send n times. */
        void awaitAttempts(int n) throws InterruptedException {
            for (Integer made = 0; made < n; ) {
                made = attemptsMade.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                if (made == null) {
                    fail("the journal did not try to send " + n + " times within " + PATIENCE);
                }
            }
        }

        private static Settings settings() {
            var nowhere = Path.of("/nonexistent");
            return new Settings(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9/token"),
                    "bastion-agent", nowhere.resolve("secret"), "bastion-1", Set.of("bastion-shell"), 2223,
                    nowhere.resolve("local-token"), nowhere, nowhere.resolve("keys"), nowhere.resolve("identities"),
                    Duration.ofMillis(500));
        }
    }

    private static String event(int n) {
        return Json.write(Map.of("eventId", "s-1#" + n));
    }

    private Path journalFile() {
        return state.resolve("journal.ndjson");
    }

    private Thread start(Journal journal) {
        var sender = new Thread(journal, "writ-journal-test");
        sender.setDaemon(true);
        senders.add(sender);
        sender.start();
        return sender;
    }

    private static void stop(Thread sender) throws InterruptedException {
        sender.interrupt();
        sender.join(PATIENCE.toMillis());
        assertThat(sender.isAlive()).as("the sender stopped when interrupted").isFalse();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits, by a bounded poll, for what the sender does after the portal answered (the test has no Awaitility). */
    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + ": not within " + PATIENCE);
            }
            Thread.onSpinWait();
        }
    }
}
