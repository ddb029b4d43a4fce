package io.writ.domain.session;

import io.writ.domain.Conflict;
import io.writ.domain.Sha256;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.writ.Writ;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A privileged session: one identity's activity on one sender's session, linked to the writ that covered the
 * identity when it began, or {@link SessionLink#UNLINKED}. It counts what happened and keeps a running SHA-256
 * digest over every event it was told of, so a LIGHT-coverage session, whose events' contents are not kept, still
 * has evidence that a later copy of the events can be checked against.
 */
@Entity
@Table(name = "privileged_session")
public class PrivilegedSession {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SessionSource source;

    @Column(name = "source_session_id", nullable = false, length = 200)
    private String sourceSessionId;

    @Column(nullable = false, length = 200)
    private String identity;

    @Column(name = "writ_id", length = 36)
    private String writId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SessionLink link;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private SessionCoverage coverage;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    /** When the sender cut the session off because its writ ended (a bastion ending the live shell). */
    @Column(name = "terminated_at")
    private Instant terminatedAt;

    @Column(name = "recording_sha256", length = 64)
    private String recordingSha256;

    @Column(name = "recording_bytes")
    private Long recordingBytes;

    @Column(name = "recording_kept_at")
    private Instant recordingKeptAt;

    @Column(name = "last_event_at", nullable = false)
    private Instant lastEventAt;

    @Column(name = "event_count", nullable = false)
    private long eventCount;

    @Column(name = "command_count", nullable = false)
    private long commandCount;

    @Column(name = "transfer_count", nullable = false)
    private long transferCount;

    @Column(name = "out_of_scope_count", nullable = false)
    private long outOfScopeCount;

    @Column(nullable = false, length = 64)
    private String digest;

    /** The alert rules already raised for this session, comma-separated: each rule fires once per session. */
    @Column(name = "raised_rules", nullable = false, length = 500)
    private String raisedRules;

    @Version
    private long version;

    protected PrivilegedSession() {
    }

    /**
     * A session seen for the first time, linked to the writ that covered its identity then (none: UNLINKED). An
     * unlinked session keeps every event: nothing limits what it may hold as evidence.
     */
    public static PrivilegedSession open(SessionSource source, String sourceSessionId, String identity,
                                         Optional<Writ> covering, Instant at) {
        var s = new PrivilegedSession();
        s.id = UUID.randomUUID().toString();
        s.source = Objects.requireNonNull(source, "source");
        s.sourceSessionId = Objects.requireNonNull(sourceSessionId, "sourceSessionId");
        s.identity = Objects.requireNonNull(identity, "identity");
        s.writId = covering.map(Writ::id).orElse(null);
        s.link = covering.isPresent() ? SessionLink.LINKED : SessionLink.UNLINKED;
        s.coverage = covering.flatMap(Writ::sessionCoverage).orElse(SessionCoverage.FULL);
        s.startedAt = Objects.requireNonNull(at, "at");
        s.lastEventAt = at;
        s.digest = "0".repeat(64);
        s.raisedRules = "";
        return s;
    }

    /**
     * An UNLINKED session that began after the writ's final approval and before its grant was recorded (a person
     * waiting to log in does exactly that, between Keycloak's grant and the writ's commit) is that writ's after all.
     *
     * @return whether it was linked now
     */
    public boolean linkLate(Writ writ) {
        if (link != SessionLink.UNLINKED || !identity.equals(writ.target()) || writ.grant().isEmpty()) {
            return false;
        }
        writId = writ.id();
        link = SessionLink.LINKED;
        coverage = writ.sessionCoverage().orElse(SessionCoverage.FULL);
        return true;
    }

    /** Whether the event may be part of this session: the same identity acts in it. */
    public boolean admits(ReportedEvent e) {
        return identity.equals(e.identity());
    }

    /**
     * Counts the event into the session and its digest.
     *
     * @param inScope false when the event broke the writ's declared scope
     * @return whether the event's contents are kept, rather than only counted and digested: under FULL coverage
     *         always; under LIGHT only when the event broke the writ's scope, since it is then an incident's evidence
     */
    public boolean record(ReportedEvent e, boolean inScope) {
        if (!admits(e)) {
            throw new IllegalArgumentException("event " + e.eventId() + " is " + e.identity() + "'s, not " + identity
                    + "'s");
        }
        eventCount++;
        switch (e.type()) {
            case COMMAND -> commandCount++;
            case FILE_TRANSFER -> transferCount++;
            case SESSION_END -> endedAt = endedAt == null || e.at().isAfter(endedAt) ? e.at() : endedAt;
            case SESSION_TERMINATED -> {
                terminatedAt = terminatedAt == null || e.at().isBefore(terminatedAt) ? e.at() : terminatedAt;
                endedAt = endedAt == null || e.at().isBefore(endedAt) ? e.at() : endedAt;
            }
            default -> { }
        }
        if (!inScope) {
            outOfScopeCount++;
        }
        if (e.at().isBefore(startedAt)) {
            startedAt = e.at();
        }
        if (e.at().isAfter(lastEventAt)) {
            lastEventAt = e.at();
        }
        digest = Sha256.hex(digest + "\n" + e.canonical());
        return coverage == SessionCoverage.FULL || !inScope;
    }

    /**
     * Keeps the session's terminal recording: once. The same recording sent again changes nothing (empty); a
     * different one is refused, since evidence is not replaced.
     */
    public Optional<SessionRecording> keepRecording(byte[] content, Instant at) {
        var sha256 = Sha256.hex(Sha256.digest().digest(content));
        if (recordingSha256 != null) {
            if (recordingSha256.equals(sha256)) {
                return Optional.empty();
            }
            throw new Conflict("session " + sourceSessionId + " already has its recording (SHA-256 " + recordingSha256
                    + "); evidence is not replaced");
        }
        recordingSha256 = sha256;
        recordingBytes = (long) content.length;
        recordingKeptAt = at;
        return Optional.of(SessionRecording.of(this, content));
    }

    /** True the first time a rule fires for this session; false after, so one session raises one alert per rule. */
    public boolean firstTime(String rule) {
        var raised = new LinkedHashSet<>(Arrays.asList(raisedRules.isEmpty() ? new String[0] : raisedRules.split(",")));
        if (!raised.add(rule)) {
            return false;
        }
        raisedRules = String.join(",", raised);
        return true;
    }

    public String id() { return id; }
    public SessionSource source() { return source; }
    public String sourceSessionId() { return sourceSessionId; }
    public String identity() { return identity; }
    public Optional<String> writId() { return Optional.ofNullable(writId); }
    public SessionLink link() { return link; }
    public SessionCoverage coverage() { return coverage; }
    public Instant startedAt() { return startedAt; }
    public Optional<Instant> endedAt() { return Optional.ofNullable(endedAt); }
    public Optional<Instant> terminatedAt() { return Optional.ofNullable(terminatedAt); }
    public Optional<String> recordingSha256() { return Optional.ofNullable(recordingSha256); }
    public Optional<Long> recordingBytes() { return Optional.ofNullable(recordingBytes); }
    public Optional<Instant> recordingKeptAt() { return Optional.ofNullable(recordingKeptAt); }
    public Instant lastEventAt() { return lastEventAt; }
    public long eventCount() { return eventCount; }
    public long commandCount() { return commandCount; }
    public long transferCount() { return transferCount; }
    public long outOfScopeCount() { return outOfScopeCount; }
    public String digest() { return digest; }
}
