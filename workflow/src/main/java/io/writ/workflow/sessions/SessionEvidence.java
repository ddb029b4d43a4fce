package io.writ.workflow.sessions;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.alert.Alert;
import io.writ.domain.alert.Detection;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEvent;
import io.writ.domain.session.SessionRecording;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.session.SessionSource;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.containment.AlertDesk;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reported session events become evidence: each is linked to the writ it names (a bastion's gate names the writ
 * that admitted the session), or else to the writ that covered its identity at that instant, checked against that writ's scope and the detection rules, counted into its session, and kept as far as the
 * session's coverage says. A batch is one transaction; a bad event is reported by its index and skipped. A batch
 * that meets another change of its session (the writ's grant linking it late, its recording kept) is done again.
 */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class SessionEvidence {

    /** The most events one request may carry; larger batches are split by the sender. */
    public static final int MAX_EVENTS = 10_000;
    /** How many of an identity's latest grants are looked at to link an event (newest first). */
    private static final int GRANTS_LOOKED_AT = 20;

    /** An event that was not recorded: its position in the request and why. */
    public record Rejection(int index, String reason) {
    }

    /** What became of a request's events. */
    public record Ingested(int accepted, int duplicates, List<Rejection> rejected) {
    }

    @Inject
    SessionRepository sessions;

    @Inject
    WritRepository writs;

    @Inject
    AlertDesk alerts;

    @Inject
    IdentityDirectory directory;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    /**
     * @param events the readable events of a request by their index in it (unreadable ones the caller reports)
     */
    public Ingested ingest(SortedMap<Integer, ReportedEvent> events, SessionSource source) {
        var receivedAt = clock.instant();
        if (events.size() > MAX_EVENTS) {
            throw InvalidRequest.of("events", "at most " + MAX_EVENTS + " events per request; send several");
        }
        var rejected = new ArrayList<Rejection>();
        var valid = new ArrayList<Map.Entry<Integer, ReportedEvent>>();
        events.forEach((index, event) -> {
            var problems = event.problems();
            if (problems.isEmpty()) {
                valid.add(Map.entry(index, event));
            } else {
                rejected.add(new Rejection(index, String.join("; ", problems)));
            }
        });
        var known = sessions.recorded(valid.stream().map(e -> e.getValue().eventId()).toList());
        var seen = new HashSet<String>();
        var grants = new HashMap<String, List<Writ>>();
        var open = new HashMap<String, PrivilegedSession>();
        var nonHuman = new HashMap<String, Boolean>();
        var namedWrits = new HashMap<String, Optional<Writ>>();
        int accepted = 0;
        int duplicates = 0;
        for (var entry : valid) {
            var e = entry.getValue();
            if (known.contains(e.eventId()) || !seen.add(e.eventId())) {
                duplicates++;
                continue;
            }
            Optional<Writ> covering;
            Optional<Writ> endedEarlier;
            Optional<Writ> admitting;
            if (e.writ() != null) {
                var named = named(e, namedWrits);
                if (named.isEmpty()) {
                    rejected.add(new Rejection(entry.getKey(), "writ " + e.writ() + " is no granted writ of "
                            + e.identity()));
                    seen.remove(e.eventId());
                    continue;
                }
                admitting = named;
                covering = named.filter(w -> !w.grantEndedBy(e.at()));
                endedEarlier = named.filter(w -> w.grantEndedBy(e.at()));
            } else {
                var granted = grants.computeIfAbsent(e.identity(), who -> writs.grantedTo(who, GRANTS_LOOKED_AT));
                covering = granted.stream().filter(w -> w.isActiveAt(e.at())).findFirst();
                endedEarlier = covering.isPresent() ? Optional.empty()
                        : granted.stream().filter(w -> w.grantEndedBy(e.at())).findFirst();
                admitting = covering;
            }
            var session = open.computeIfAbsent(e.sessionId(), id -> sessions.bySource(source, id)
                    .orElseGet(() -> opened(source, e, admitting)));
            if (!session.admits(e)) {
                rejected.add(new Rejection(entry.getKey(), "session " + e.sessionId() + " is " + session.identity()
                        + "'s; an event of " + e.identity() + " cannot join it"));
                seen.remove(e.eventId());
                continue;
            }
            var verdict = Detection.judge(e, session, covering, endedEarlier,
                    () -> nonHuman.computeIfAbsent(e.identity(), this::isNonHuman));
            var keep = session.record(e, verdict.inScope());
            sessions.save(SessionEvent.of(e, session, covering.isPresent() ? verdict.inScope() : null, keep,
                    receivedAt));
            accepted++;
            for (var finding : verdict.findings()) {
                alerts.raise(Alert.raise(finding.rule(), e.identity(), finding.writ().map(Writ::id)
                                .orElse(null), finding.writ().map(Writ::riskTier).orElse((RiskTier) null),
                        session.id(), e.eventId(), finding.evidence(), clock.instant()));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejection::index));
        return new Ingested(accepted, duplicates, rejected);
    }

    /**
     * The writ an event names, when it is a granted writ of the event's identity: the writ that admitted the session
     * covers it from the admission until its grant ended, whatever the clocks of sender and portal say.
     */
    private Optional<Writ> named(ReportedEvent e, Map<String, Optional<Writ>> known) {
        return known.computeIfAbsent(e.writ(), writs::byId)
                .filter(w -> w.target().equals(e.identity()) && w.grant().isPresent());
    }

    /** What the identity is, the directory's word: one it does not know is no NHI it could vouch for. */
    private boolean isNonHuman(String identity) {
        return directory.identity(identity).filter(DirectoryIdentity::isNonHuman).isPresent();
    }

    private PrivilegedSession opened(SessionSource source, ReportedEvent first, Optional<Writ> covering) {
        var session = PrivilegedSession.open(source, first.sessionId(), first.identity(), covering, first.at());
        sessions.save(session);
        if (first.writ() != null && covering.isPresent()) {
            // A bastion's login under the writ its gate named: the login itself, in the audit trail.
            audit.record(new AuditEntry(first.at(), first.identity(), "bastion.session-opened",
                    "writ:" + covering.get().id(), "session " + first.sessionId() + " on "
                            + java.util.Objects.requireNonNullElse(first.target(), "the bastion") + " began "
                            + first.at() + (first.detail() == null ? "" : ": " + first.detail())));
        }
        return session;
    }

    /** What became of a recording: its SHA-256 and size, and whether it was kept now (false: it already was). */
    public record Kept(String sha256, long bytes, boolean now) {
    }

    /**
     * Keeps a session's terminal recording as evidence, once; audited with its SHA-256. The session must be known
     * (its events come first).
     */
    public Kept keepRecording(SessionSource source, String sourceSessionId, byte[] content, String by) {
        var problem = SessionRecording.problem(content);
        if (problem != null) {
            throw InvalidRequest.of("recording", problem);
        }
        var session = sessions.bySource(source, sourceSessionId).orElseThrow(() -> new NotFound("no session "
                + sourceSessionId + " is known: its events come before its recording"));
        var kept = session.keepRecording(content, clock.instant());
        kept.ifPresent(recording -> {
            sessions.save(recording);
            audit.record(new AuditEntry(clock.instant(), by, "session.recording-kept", "session:" + session.id(),
                    "terminal recording of " + session.identity() + "'s session " + sourceSessionId + ", "
                            + content.length + " bytes, SHA-256 " + session.recordingSha256().orElseThrow()));
        });
        return new Kept(session.recordingSha256().orElseThrow(), session.recordingBytes().orElseThrow(),
                kept.isPresent());
    }

    /** A session's recording, for someone who may see the writ it is linked to. */
    public Optional<SessionRecording> recordingOf(String writId, String sessionId) {
        return sessions.linkedTo(writId).stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .flatMap(s -> sessions.recordingOf(s.id()));
    }

    /** The sessions linked to a writ, oldest first. */
    public List<PrivilegedSession> linkedTo(String writId) {
        return sessions.linkedTo(writId);
    }

    /** The latest sessions no writ covered. */
    public List<PrivilegedSession> unlinked(int max) {
        return sessions.unlinked(max);
    }

    public List<SessionEvent> eventsOf(String sessionId) {
        return sessions.eventsOf(sessionId);
    }
}
