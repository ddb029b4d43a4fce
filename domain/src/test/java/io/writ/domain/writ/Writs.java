package io.writ.domain.writ;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.ticket.TicketStatus;

import java.time.Instant;

import static java.time.temporal.ChronoUnit.MINUTES;

/** Writs and people for the tests: the demo realm's cast, and a request that is valid unless a test changes it. */
final class Writs {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    static final Approver BOB = Approver.of("bob", "approver");
    static final Approver CAROL = Approver.of("carol", "approver");
    static final Approver FRANK = Approver.of("frank", "requester", "approver");
    static final Approver ALICE_AS_APPROVER = Approver.of("alice", "requester", "approver");
    static final Approver DAVE = Approver.of("dave", "security");
    static final Approver SAM_SPONSOR = Approver.of("sam", "sponsor");
    static final Approver SUE_SPONSOR = Approver.of("sue", "sponsor");
    static final Approver XENA_BOTH = Approver.of("xena", "approver", "sponsor");

    static final String NHI = "service-account-ci-deployer";

    private Writs() {
    }

    static Instant at(long minutesAfterT0) {
        return T0.plus(minutesAfterT0, MINUTES);
    }

    /** A valid request by alice for herself: prod-db-admin for 60 minutes on open ticket CHG-1001. */
    static Ask ask() {
        return new Ask();
    }

    /** Alice's writ awaiting N approvals from the approver group, with a 240-minute cap. */
    static Writ pending(int approvalsRequired) {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(approvalsRequired, "approver", 240), T0);
        return w;
    }

    /** Alice's 60-minute writ, approved by bob, granted at minute 10: the window runs to minute 70. */
    static Writ active(int maxMinutes) {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", maxMinutes), T0);
        w.approve(BOB, null, at(5));
        w.recordGrant(at(10), at(10));
        return w;
    }

    static Writ active() {
        return active(240);
    }

    /** A request under construction; each setter changes one thing about the valid default. */
    static final class Ask {
        String requester = "alice";
        String target = "alice";
        String targetId;
        String targetOwner;
        String entitlement = "prod-db-admin";
        RiskTier riskTier = RiskTier.HIGH;
        Integer maxMinutes = 240;
        String ticket = "CHG-1001";
        TicketStatus ticketStatus = TicketStatus.open("CHG-1001");
        String justification = "rotate the replica credentials after the failover";
        DeclaredScope scope;
        Integer minutes = 60;
        boolean breakGlass;
        boolean thirdParty;

        Ask by(String requester) { this.requester = requester; this.target = requester; return this; }
        Ask targetId(String id) { this.targetId = id; return this; }
        Ask forTarget(String target, String owner) { this.target = target; this.targetOwner = owner; return this; }
        Ask entitlement(String name, RiskTier tier) { this.entitlement = name; this.riskTier = tier; return this; }
        Ask ticket(String ref, TicketStatus status) { this.ticket = ref; this.ticketStatus = status; return this; }
        Ask justification(String text) { this.justification = text; return this; }
        Ask scope(DeclaredScope scope) { this.scope = scope; return this; }
        Ask minutes(Integer minutes) { this.minutes = minutes; return this; }
        Ask breakGlass() { this.breakGlass = true; return this; }
        Ask thirdParty() { this.thirdParty = true; return this; }

        Submission submission() {
            return new Submission(requester, target, targetId, targetOwner, entitlement, riskTier, maxMinutes, ticket,
                    ticketStatus, justification, scope, minutes, breakGlass, thirdParty);
        }

        Writ submit() {
            return Writ.submit(submission(), T0);
        }
    }
}
