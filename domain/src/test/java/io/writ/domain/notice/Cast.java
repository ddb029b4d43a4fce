package io.writ.domain.notice;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.Contact;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Submission;

import java.time.Instant;

import static java.time.temporal.ChronoUnit.MINUTES;

/** The demo realm's people and alice's prod-db-admin writ at each stage of its life, for the notice tests. */
final class Cast {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    static final Approver BOB = Approver.of("bob", "approver");
    static final Approver CAROL = Approver.of("carol", "approver");
    static final Approver DAVE = Approver.of("dave", "security");

    static final Contact ALICE_MAIL = new Contact("alice", "alice@writ.example");
    static final Contact BOB_MAIL = new Contact("bob", "bob@writ.example");
    static final Contact CAROL_MAIL = new Contact("carol", "carol@writ.example");
    static final Contact FRANK_MAIL = new Contact("frank", "frank@writ.example");

    private Cast() {
    }

    static Instant at(long minutesAfterT0) {
        return T0.plus(minutesAfterT0, MINUTES);
    }

    /** Alice asks for prod-db-admin for herself, 60 minutes on CHG-1001; 2 approvals from approver. */
    static Writ pending() {
        var w = Writ.submit(new Submission("alice", "alice", null, null, "prod-db-admin", RiskTier.HIGH,
                240, "CHG-1001", TicketStatus.open("CHG-1001"), "rotate the replica credentials", null, 60, false,
                false), T0);
        w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), T0);
        return w;
    }

    /** Alice asks for prod-db-admin for the NHI ci-deployer she owns. */
    static Writ pendingForNhi() {
        var w = Writ.submit(new Submission("alice", "service-account-ci-deployer", null, "alice",
                "prod-db-admin", RiskTier.HIGH, 240, "CHG-1001", TicketStatus.open("CHG-1001"), "deploy the schema",
                null, 30, false, false), T0);
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        return w;
    }

    /** Approved by bob and carol at minute 5. */
    static Writ approved() {
        var w = pending();
        w.approve(BOB, "ok", at(4));
        w.approve(CAROL, null, at(5));
        return w;
    }

    /** Granted at minute 10: the window runs to minute 70. */
    static Writ active() {
        var w = approved();
        w.recordGrant(at(10), at(10));
        return w;
    }
}
