package io.writ.domain.alert;

import io.writ.domain.Conflict;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.RiskTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A detection rule that fired, with its evidence, linked to the identity, session, event and writ involved, and
 * what happened next: containment (automatic for HIGH and CRITICAL writs, or security's Contain button) and
 * security's triage.
 */
@Entity
@Table(name = "alert")
public class Alert {

    static final int MAX_TEXT = 2000;

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AlertRule rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AlertState state;

    @Column(nullable = false, length = 200)
    private String identity;

    @Column(name = "writ_id", length = 36)
    private String writId;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier", length = 10)
    private RiskTier riskTier;

    @Column(name = "session_id", length = 36)
    private String sessionId;

    @Column(name = "event_id", nullable = false, length = 200)
    private String eventId;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(nullable = false, length = 4000)
    private String evidence;

    @Column(length = MAX_TEXT)
    private String containment;

    @Column(name = "contained_at")
    private Instant containedAt;

    @Column(name = "triaged_by", length = 200)
    private String triagedBy;

    @Column(name = "triage_comment", length = MAX_TEXT)
    private String triageComment;

    @Column(name = "triaged_at")
    private Instant triagedAt;

    @Version
    private long version;

    protected Alert() {
    }

    /**
     * An alert the identity provider's own records raised, with no session behind it: the entitlement of the writ
     * given to its identity again by no writ ({@link AlertRule#STANDING_PRIVILEGE_APPEARED}); the provider's record
     * is the event.
     */
    public static Alert fromDirectory(AlertRule rule, String identity, String writId, RiskTier riskTier,
                                      String directoryEventId, String evidence, Instant now) {
        var a = raise(rule, identity, writId, riskTier, "none", directoryEventId, evidence, now);
        a.sessionId = null;
        return a;
    }

    /** @param riskTier the tier of the writ involved; null when no writ was */
    public static Alert raise(AlertRule rule, String identity, String writId, RiskTier riskTier, String sessionId,
                              String eventId, String evidence, Instant now) {
        var a = new Alert();
        a.id = UUID.randomUUID().toString();
        a.rule = Objects.requireNonNull(rule, "rule");
        a.state = AlertState.OPEN;
        a.identity = Objects.requireNonNull(identity, "identity");
        a.writId = writId;
        a.riskTier = writId == null ? null : riskTier;
        a.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        a.eventId = Objects.requireNonNull(eventId, "eventId");
        a.evidence = evidence.length() > 4000 ? evidence.substring(0, 3997) + "..." : evidence;
        a.raisedAt = Objects.requireNonNull(now, "now");
        return a;
    }

    /** Alerts on a HIGH or CRITICAL writ are contained at once, without waiting for a person. */
    public boolean containsAutomatically() {
        return state == AlertState.OPEN && (riskTier == RiskTier.HIGH || riskTier == RiskTier.CRITICAL);
    }

    /**
     * Containment starts (automatically, or by security's Contain button). Asking again while it runs or after it
     * ran changes nothing and returns false; a triaged alert is closed.
     */
    public boolean startContainment() {
        if (state == AlertState.CONTAINING || state == AlertState.CONTAINED) {
            return false;
        }
        requireUntriaged("be contained");
        state = AlertState.CONTAINING;
        return true;
    }

    /** What containment did (revoked, logged out, rotated), once it has done it. */
    public void contained(String whatWasDone, Instant at) {
        if (state != AlertState.CONTAINING) {
            throw new Conflict("alert " + id + " is " + state + ", not being contained");
        }
        containment = whatWasDone;
        containedAt = Objects.requireNonNull(at, "at");
        state = AlertState.CONTAINED;
    }

    /**
     * Security's verdict. Dismissing needs a reason; nobody triages an alert about themselves.
     */
    public void triage(TriageOutcome outcome, String by, String comment, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(by, "by");
        if (by.equals(identity)) {
            throw new NotPermitted("alert " + id + " is about you; another analyst must triage it");
        }
        requireUntriaged("be triaged");
        var text = comment == null ? "" : comment.strip();
        if (outcome == TriageOutcome.DISMISS && text.isEmpty()) {
            throw InvalidRequest.of("comment", "is required to dismiss: say why this is not an incident");
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidRequest.of("comment", "at most " + MAX_TEXT + " characters");
        }
        state = outcome.state();
        triagedBy = by;
        triageComment = text.isEmpty() ? null : text;
        triagedAt = Objects.requireNonNull(at, "at");
    }

    private void requireUntriaged(String what) {
        if (state.isTriaged()) {
            throw new Conflict("alert " + id + " was triaged (" + state + ") and cannot " + what);
        }
    }

    public String id() { return id; }
    public AlertRule rule() { return rule; }
    public AlertState state() { return state; }
    public String identity() { return identity; }
    public Optional<String> writId() { return Optional.ofNullable(writId); }
    public Optional<RiskTier> riskTier() { return Optional.ofNullable(riskTier); }
    /** The session it is about; empty for an alert raised from the identity provider's records. */
    public Optional<String> sessionId() { return Optional.ofNullable(sessionId); }
    public String eventId() { return eventId; }
    public Instant raisedAt() { return raisedAt; }
    public String evidence() { return evidence; }
    public Optional<String> containment() { return Optional.ofNullable(containment); }
    public Optional<Instant> containedAt() { return Optional.ofNullable(containedAt); }
    public Optional<String> triagedBy() { return Optional.ofNullable(triagedBy); }
    public Optional<String> triageComment() { return Optional.ofNullable(triageComment); }
    public Optional<Instant> triagedAt() { return Optional.ofNullable(triagedAt); }
}
