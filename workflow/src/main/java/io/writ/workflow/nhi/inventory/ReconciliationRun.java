package io.writ.workflow.nhi.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reconciliation of the NHI inventory that someone asked for: taken at once, run in the background (at 50,000 NHIs
 * reading Keycloak takes minutes), and kept with what it found, or why it failed.
 */
@Entity
@Table(name = "nhi_reconciliation")
public class ReconciliationRun {

    /** Where an asked reconciliation stands. */
    public enum State { RUNNING, DONE, FAILED }

    /** Longer than any reconciliation takes: a run still RUNNING after it was lost with the node that ran it. */
    public static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "asked_by", nullable = false, length = 200)
    private String askedBy;

    @Column(name = "asked_at", nullable = false)
    private Instant askedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private State state;

    @Column(name = "read_count")
    private Integer read;

    private Integer added;

    private Integer corrected;

    private Integer removed;

    @Column(name = "keycloak_read_ms")
    private Long keycloakReadMillis;

    @Column(length = 4000)
    private String summary;

    @Column(length = 2000)
    private String failure;

    protected ReconciliationRun() {
        // for JPA
    }

    /** A run asked for now, running from now on. */
    public static ReconciliationRun asked(String by, Instant at) {
        var run = new ReconciliationRun();
        run.id = UUID.randomUUID().toString();
        run.askedBy = Objects.requireNonNull(by, "by");
        run.askedAt = Objects.requireNonNull(at, "at");
        run.state = State.RUNNING;
        return run;
    }

    public void done(Reconciliation found, Instant at) {
        state = State.DONE;
        finishedAt = at;
        read = found.read();
        added = found.added().size();
        corrected = found.changed().size();
        removed = found.removed().size();
        keycloakReadMillis = found.took().toMillis();
        summary = clip(found.summary(), 4000);
    }

    public void failed(String why, Instant at) {
        state = State.FAILED;
        finishedAt = at;
        failure = clip(why == null ? "unknown" : why, 2000);
    }

    /** Whether it still runs (not lost with a node that stopped while running it). */
    public boolean running(Instant now) {
        return state == State.RUNNING && askedAt.plus(ABANDONED_AFTER).isAfter(now);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public String id() { return id; }
    public String askedBy() { return askedBy; }
    public Instant askedAt() { return askedAt; }
    public Optional<Instant> finishedAt() { return Optional.ofNullable(finishedAt); }
    public State state() { return state; }
    public Optional<Integer> read() { return Optional.ofNullable(read); }
    public Optional<Integer> added() { return Optional.ofNullable(added); }
    public Optional<Integer> corrected() { return Optional.ofNullable(corrected); }
    public Optional<Integer> removed() { return Optional.ofNullable(removed); }
    public Optional<Long> keycloakReadMillis() { return Optional.ofNullable(keycloakReadMillis); }
    public Optional<String> summary() { return Optional.ofNullable(summary); }
    public Optional<String> failure() { return Optional.ofNullable(failure); }
}
