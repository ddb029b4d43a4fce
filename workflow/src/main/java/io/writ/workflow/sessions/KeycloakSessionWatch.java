package io.writ.workflow.sessions;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryLogin;
import io.writ.domain.identity.DirectorySession;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.LoginRecords;
import io.writ.domain.identity.NotInDirectory;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEventType;
import io.writ.domain.session.SessionSource;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keycloak as a source of session evidence, with no bastion in between. Every few seconds it reads (1) the logins
 * Keycloak recorded since the last look, and (2) the open Keycloak sessions of every identity holding an active
 * writ, and reports them as SESSION_START events of source KEYCLOAK: a login or session use under a writ becomes a
 * linked session; a login of someone who holds a privileged entitlement standing, with no writ, an UNLINKED one
 * and an alert. Reports are idempotent (the event ids are Keycloak's), so reading something twice is harmless.
 * They name no target: a login to the identity provider is not a command on a target system, so a writ's declared
 * scope is checked against what bastions report, not against these.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineStartup")
public class KeycloakSessionWatch {

    private static final Logger LOG = Logger.getLogger(KeycloakSessionWatch.class.getName());
    /** On start, logins this far back are read again (a restart loses none; duplicates are recognised). */
    private static final long LOOK_BACK_SECONDS = 3600;
    /** Logins asked for at once; a look asks again while it gets full pages and has time (see {@link #look()}). */
    static final int LOGINS_PER_READ = 500;

    @Resource
    TimerService timers;

    @Inject
    LoginRecords loginRecords;

    @Inject
    AccessAssignments assignments;

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    SessionEvidence evidence;

    @Inject
    @ConfigProperty(name = "writ.sessions.keycloak-poll-seconds", defaultValue = "10")
    int pollSeconds;

    private Instant loginsSeenUntil = Instant.now().minusSeconds(LOOK_BACK_SECONDS);

    @PostConstruct
    void schedule() {
        long every = pollSeconds * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("keycloak-session-watch", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void look() {
        var started = System.nanoTime();
        try {
            // Sessions under active writs first (a look slowed by many logins must not delay their evidence), newest
            // grant first: a session seen under several active writs of one person is opened under the newest
            // (Keycloak's whole-second start would otherwise put it under an older one still running).
            var used = new ArrayList<ReportedEvent>();
            var active = writs.active().stream()
                    .sorted(Comparator.comparing((Writ w) -> w.grant().orElseThrow().grantedAt()).reversed())
                    .toList();
            // One call per identity, not per writ: a person often holds several writs at once.
            var sessions = new HashMap<String, List<DirectorySession>>();
            for (var writ : active) {
                sessions.computeIfAbsent(writ.target(), this::sessionsOf).stream()
                        .filter(s -> usedSinceGrant(s, writ))
                        .map(s -> sessionUseEvent(s, writ))
                        .forEach(used::add);
            }
            record(used);
            // Logins page by page until caught up (a page not full), or until half the interval is used: after a
            // start, an hour of logins is read back, and new logins must not wait for later looks to be seen.
            var judge = new LoginJudge();
            var budget = started + Duration.ofSeconds(pollSeconds).toNanos() / 2;
            List<DirectoryLogin> logins;
            do {
                logins = loginRecords.loginsSince(loginsSeenUntil, LOGINS_PER_READ);
                record(logins.stream().filter(judge::isPrivileged).map(KeycloakSessionWatch::loginEvent).toList());
                // The newest login seen: Keycloak's event times are milliseconds, so the next read starts there.
                var newest = logins.stream().map(DirectoryLogin::at).max(Instant::compareTo).orElse(loginsSeenUntil);
                if (!newest.isAfter(loginsSeenUntil)) {
                    break; // a full page within one millisecond: the next look reads on
                }
                loginsSeenUntil = newest;
            } while (logins.size() == LOGINS_PER_READ && System.nanoTime() < budget);
        } catch (DirectoryUnavailable away) {
            LOG.fine(() -> "Keycloak is away; sessions are read again on the next look: " + away.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading sessions from Keycloak failed; trying again on the next look", e);
        }
        var took = Duration.ofNanos(System.nanoTime() - started);
        if (took.getSeconds() >= pollSeconds) {
            LOG.info(() -> "A look at Keycloak's sessions took " + took.toMillis() + " ms, longer than the "
                    + pollSeconds + " s between looks");
        }
    }

    /**
     * Whether the session was used since the writ's grant. Keycloak keeps a session's times in whole seconds, so a
     * login in the same second as the grant shows a last use before it: the grant's second counts.
     */
    private static boolean usedSinceGrant(DirectorySession session, Writ writ) {
        var grantedAt = writ.grant().orElseThrow().grantedAt().truncatedTo(ChronoUnit.SECONDS);
        return !session.lastAccess().isBefore(grantedAt);
    }

    private void record(List<ReportedEvent> reports) {
        if (reports.isEmpty()) {
            return;
        }
        var indexed = new TreeMap<Integer, ReportedEvent>();
        reports.forEach(r -> indexed.put(indexed.size(), r));
        var ingested = evidence.ingest(indexed, SessionSource.KEYCLOAK);
        ingested.rejected().forEach(r -> LOG.warning(() -> "Keycloak session event not recorded: "
                + reports.get(r.index()) + ": " + r.reason()));
    }

    /**
     * Judges the logins of one look. A login matters when a writ covered it, or when the identity holds a privileged
     * entitlement with no writ active now (standing privilege in use). A login before a writ's grant is left to the
     * session reading, which sees whether the session was used under the writ. A look can bring hundreds of logins
     * of a few people (the first look after a start reads an hour back), so the catalogue, and each person's writs
     * and standing entitlements, are read once per look, not once per login: asked per login, one look took longer
     * than the interval between looks, and new logins waited minutes to be seen. A person's realm roles are read in
     * one call and held against every realm-role entitlement; only client roles and groups are asked one by one.
     */
    private final class LoginJudge {
        private final Map<String, List<Writ>> recentGrants = new HashMap<>();
        private final Map<String, Boolean> standing = new HashMap<>();
        private List<Entitlement> entitlements;

        boolean isPrivileged(DirectoryLogin login) {
            var granted = recentGrants.computeIfAbsent(login.username(), who -> writs.grantedTo(who, 5));
            if (granted.stream().anyMatch(w -> w.isActiveAt(login.at()))) {
                return true;
            }
            return standing.computeIfAbsent(login.username(), who -> writs.activeFor(who).isEmpty()
                    && holdsAnyStanding(who));
        }

        private boolean holdsAnyStanding(String who) {
            Set<String> realmRoles = null;
            for (var entitlement : entitlements()) {
                if (entitlement.kind() == EntitlementKind.REALM_ROLE) {
                    realmRoles = realmRoles != null ? realmRoles : realmRolesOf(who);
                    if (realmRoles.contains(entitlement.name())) {
                        return true;
                    }
                } else if (holds(who, entitlement)) {
                    return true;
                }
            }
            return false;
        }

        private List<Entitlement> entitlements() {
            if (entitlements == null) {
                entitlements = catalogue.all();
            }
            return entitlements;
        }
    }

    /** The realm roles mapped to the identity directly (the sense of holds()); none when it no longer exists. */
    private Set<String> realmRolesOf(String username) {
        try {
            return assignments.realmRolesOf(username);
        } catch (NotInDirectory gone) {
            return Set.of();
        }
    }

    private boolean holds(String username, Entitlement entitlement) {
        try {
            return assignments.holds(username, entitlement);
        } catch (NotInDirectory gone) {
            return false; // the identity was deleted since it logged in, or Keycloak lacks the entitlement
        }
    }

    /** The identity's open sessions; none when it no longer exists in Keycloak. */
    private List<DirectorySession> sessionsOf(String username) {
        try {
            return loginRecords.sessionsOf(username);
        } catch (NotInDirectory gone) {
            return List.of();
        }
    }

    private static ReportedEvent loginEvent(DirectoryLogin login) {
        return new ReportedEvent("keycloak-login:" + login.id(), "keycloak:" + login.sessionId(), login.username(),
                SessionEventType.SESSION_START, login.at(), null,
                "Keycloak login to " + login.clientId() + " from " + login.ipAddress());
    }

    /** The session was used while the writ was active: it counts from the grant (or its start, if later). */
    private static ReportedEvent sessionUseEvent(DirectorySession session, Writ writ) {
        var grantedAt = writ.grant().orElseThrow().grantedAt();
        var at = session.started().isAfter(grantedAt) ? session.started() : grantedAt;
        return new ReportedEvent("keycloak-session:" + session.id() + ":" + writ.id(), "keycloak:" + session.id(),
                session.username(), SessionEventType.SESSION_START, at, null,
                "Keycloak session from " + session.ipAddress() + " started " + session.started() + ", last used "
                        + session.lastAccess());
    }
}
