package io.writ.domain.alert;

import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEventType;
import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.writ.Writ;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The detection rules over one reported event, given the writ that covered its identity at that instant (if
 * any) and the writ whose grant had ended before it (if any). Each rule fires once per session: the first event
 * that breaks it is the evidence, later ones are counted on the session.
 */
public final class Detection {

    /** What an event broke, the writ it is about (if any), and the evidence in a sentence. */
    public record Finding(AlertRule rule, Optional<Writ> writ, String evidence) {
    }

    /** The verdict on one event: whether it kept to its writ's scope, and the alerts it raises. */
    public record Verdict(boolean inScope, List<Finding> findings) {
    }

    private Detection() {
    }

    /**
     * @param covering   the writ whose grant covered the identity when the event happened
     * @param endedEarlier the identity's latest writ whose grant had ended before the event
     * @param nonHuman     whether the identity is an NHI's service account, as the directory says; asked only of an
     *                     interactive session's start
     */
    public static Verdict judge(ReportedEvent e, PrivilegedSession session, Optional<Writ> covering,
                                Optional<Writ> endedEarlier, BooleanSupplier nonHuman) {
        var findings = new ArrayList<Finding>();
        boolean inScope = true;
        if (covering.isEmpty()) {
            inScope = false;
            if (e.endsSession() && (endedEarlier.isPresent() || session.writId().isPresent())) {
                // A linked session's end after its grant ended is the end of the activity, not activity.
                return new Verdict(true, List.of());
            }
            if (endedEarlier.isPresent()) {
                var ended = endedEarlier.get();
                fire(findings, session, AlertRule.ACTIVITY_AFTER_GRANT_ENDED, endedEarlier, describe(e)
                        + ", after the grant of " + ended.entitlement() + " under writ " + ended.id() + " ended at "
                        + ended.grant().orElseThrow().windowEnd());
            } else {
                fire(findings, session, AlertRule.UNLINKED_PRIVILEGED_SESSION, Optional.empty(),
                        describe(e) + ", with no active writ");
            }
        } else {
            var writ = covering.get();
            var breach = breach(writ.scope(), e);
            if (breach.isPresent()) {
                inScope = false;
                fire(findings, session, breach.get(), covering, describe(e) + ", outside the scope of writ "
                        + writ.id() + " (" + declared(writ.scope(), breach.get()) + ")");
            }
            if (writ.breakGlass()) {
                fire(findings, session, AlertRule.BREAK_GLASS_USE, covering,
                        describe(e) + ", under break-glass writ " + writ.id());
            }
        }
        if (interactive(e) && nonHuman.getAsBoolean()) {
            fire(findings, session, AlertRule.HUMAN_USE_OF_NHI, covering,
                    describe(e) + ": an interactive session of a non-human identity, so a person holds its credentials");
        }
        return new Verdict(inScope, List.copyOf(findings));
    }

    /** The scope rule the event breaks, if any; an empty pattern list allows everything. */
    static Optional<AlertRule> breach(DeclaredScope scope, ReportedEvent e) {
        if (e.type() == SessionEventType.FILE_TRANSFER) {
            return scope.allowsFileDestination(e.target()) ? Optional.empty()
                    : Optional.of(AlertRule.DISALLOWED_FILE_TRANSFER);
        }
        if (e.target() != null && !e.target().isBlank() && !scope.allowsTarget(e.target())) {
            return Optional.of(AlertRule.OUT_OF_SCOPE_TARGET);
        }
        if (e.type() == SessionEventType.COMMAND && e.detail() != null && !scope.allowsCommand(e.detail())) {
            return Optional.of(AlertRule.OUT_OF_SCOPE_COMMAND);
        }
        return Optional.empty();
    }

    /**
     * A session start the sender marks interactive (its detail begins with "interactive", e.g. "interactive ssh,
     * tty"): pipelines and workloads do not open terminals.
     */
    private static boolean interactive(ReportedEvent e) {
        return e.type() == SessionEventType.SESSION_START && e.detail() != null
                && e.detail().strip().toLowerCase(Locale.ROOT).startsWith("interactive");
    }

    private static void fire(List<Finding> findings, PrivilegedSession session, AlertRule rule,
                             Optional<Writ> writ, String evidence) {
        if (session.firstTime(rule.name())) {
            findings.add(new Finding(rule, writ, evidence));
        }
    }

    private static String describe(ReportedEvent e) {
        var what = new StringBuilder(e.identity()).append(' ').append(e.type()).append(" at ").append(e.at());
        if (e.target() != null && !e.target().isBlank()) {
            what.append(" on ").append(e.target());
        }
        if (e.detail() != null && !e.detail().isBlank()) {
            what.append(": '").append(e.detail().length() > 300 ? e.detail().substring(0, 300) + "…" : e.detail())
                    .append('\'');
        }
        return what.append(" (event ").append(e.eventId()).append(')').toString();
    }

    private static String declared(DeclaredScope scope, AlertRule rule) {
        return switch (rule) {
            case DISALLOWED_FILE_TRANSFER -> "file destinations " + scope.fileDestinations();
            case OUT_OF_SCOPE_TARGET -> "targets " + scope.targets();
            default -> "commands " + scope.commands();
        };
    }
}
