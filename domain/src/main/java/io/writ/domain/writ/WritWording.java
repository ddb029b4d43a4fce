package io.writ.domain.writ;

import io.writ.domain.UtcTime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a writ's notices: a subject that says what happened to which access and which ticket, and a body a
 * busy approver or requester can act on without opening anything else. Times in UTC.
 */
final class WritWording {

    private WritWording() {
    }

    static String time(Instant at) {
        return UtcTime.minutes(at);
    }

    /** "prod-db-admin (HIGH)". */
    static String access(Writ w) {
        return w.entitlement() + " (" + w.riskTier() + ")";
    }

    /** "prod-db-admin (HIGH) for alice on CHG-1001". */
    static String accessForTarget(Writ w) {
        return access(w) + " for " + w.target() + " " + onTicket(w);
    }

    /** "alice asks for prod-db-admin (HIGH) on CHG-1001", naming the target when it is not the requester. */
    static String request(Writ w) {
        return w.requester() + " asks for " + access(w)
                + (w.target().equals(w.requester()) ? "" : " for " + w.target()) + " " + onTicket(w);
    }

    static String onTicket(Writ w) {
        return w.ticket().map(t -> "on " + t).orElse("as break-glass");
    }

    /** "2 approvals from approver (and a sponsor from security); 1 so far (bob)". */
    static String approvalsSoFar(Writ w) {
        var policy = w.policy().orElseThrow();
        var approvers = w.approvals().stream().filter(a -> a.decision() == Decision.APPROVE)
                .map(Approval::approver).toList();
        return policy.approvalsRequired() + " approval(s) from " + policy.approverGroup()
                + (policy.sponsorRequired() ? " and a sponsor from " + policy.sponsorGroup() : "")
                + "; " + approvers.size() + " so far" + (approvers.isEmpty() ? "" : " (" + String.join(", ", approvers) + ")");
    }

    static String minutesLeft(Instant now, Instant end) {
        long minutes = Math.max(0, (Duration.between(now, end).toSeconds() + 59) / 60);
        return minutes + " min";
    }

    static String reason(Writ w, RevocationReason reason) {
        return switch (reason) {
            case WINDOW_ENDED -> "the window ended";
            case ENDED_BY_REQUESTER -> "ended early by " + w.requester();
            case TICKET_CLOSED -> "ticket " + w.ticket().orElse("?") + " was closed";
            case CONTAINMENT -> "contained by security after an alert";
            case REVIEW_REVOKED -> "an access review decided it should not persist";
            case MANUAL -> "ended by an administrator";
        };
    }

    /** What stays of an access after its revocation: tokens issued before it, to services that do not ask Keycloak. */
    static String tokenResidue(Grant grant) {
        var rejected = grant.tokensRejectedFrom().map(t -> "Keycloak refuses every token issued to the identity "
                + "before " + UtcTime.seconds(t) + " when asked (introspection, refresh); ").orElse("");
        return rejected + grant.tokenResidueUntil().map(t -> "a service that checks tokens offline may accept one "
                + "issued before the removal until " + UtcTime.seconds(t) + ".")
                .orElse("access tokens already issued stay valid until they expire.");
    }

    /** The facts of the writ, one per line, below the headline. */
    static String facts(Writ w) {
        var lines = new ArrayList<String>();
        lines.add("Requester:     " + w.requester());
        lines.add("Target:        " + w.target() + w.targetOwner().map(o -> " (owned by " + o + ")").orElse("")
                + (w.thirdParty() ? " (third-party administrator)" : ""));
        lines.add("Entitlement:   " + w.entitlement() + ", risk tier " + w.riskTier());
        lines.add("Ticket:        " + w.ticket().orElse("none: break-glass"));
        lines.add("Justification: " + w.justification());
        var scope = scope(w);
        if (!scope.isEmpty()) {
            lines.add("Scope:         " + scope);
        }
        var grant = w.grant();
        lines.add("Window:        " + grant.map(WritWording::window).orElse(w.requestedMinutes() + " minutes from the grant"));
        w.policy().filter(p -> !p.autoApprove()).ifPresent(p -> lines.add("Approvals:     " + approvalsSoFar(w)));
        lines.add("Writ:          " + w.id());
        return String.join("\n", lines);
    }

    /** "granted 09:10 UTC, ends 10:10 UTC", or "..., ended 09:30 UTC" once its end was asked for before then. */
    private static String window(Grant g) {
        var ended = g.endRequestedAt().filter(at -> at.isBefore(g.expiresAt()));
        return "granted " + time(g.grantedAt()) + ended.map(at -> ", ended " + time(at))
                .orElse(", ends " + time(g.expiresAt()));
    }

    private static String scope(Writ w) {
        var parts = new ArrayList<String>();
        add(parts, "systems", w.scope().targets());
        add(parts, "commands", w.scope().commands());
        add(parts, "file destinations", w.scope().fileDestinations());
        return String.join("; ", parts);
    }

    private static void add(List<String> parts, String what, List<String> patterns) {
        if (!patterns.isEmpty()) {
            parts.add(what + " " + String.join(", ", patterns));
        }
    }

    static String lastDecisionBy(Writ w) {
        var approvals = w.approvals();
        return approvals.isEmpty() ? "?" : approvals.get(approvals.size() - 1).approver();
    }

    static String lastComment(Writ w) {
        var approvals = w.approvals();
        var comment = approvals.isEmpty() ? null : approvals.get(approvals.size() - 1).comment();
        return comment == null ? "" : comment;
    }

    static int approvalsRequired(Writ w) {
        return w.policy().map(ApprovalPolicy::approvalsRequired).orElse(0);
    }

    static Instant windowEnd(Writ w) {
        return w.grant().map(Grant::expiresAt).orElseThrow();
    }
}
