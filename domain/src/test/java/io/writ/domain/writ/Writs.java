package io.writ.domain.writ;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityKind;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.ticket.TicketStatus;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static java.time.temporal.ChronoUnit.MINUTES;

/** Writs and people for the domain's tests (of every package): the demo realm's cast, and a request that is valid unless a test changes it. */
public final class Writs {

    public static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    public static final Approver BOB = Approver.of("bob", "approver");
    public static final Approver CAROL = Approver.of("carol", "approver");
    public static final Approver FRANK = Approver.of("frank", "requester", "approver");
    public static final Approver ALICE_AS_APPROVER = Approver.of("alice", "requester", "approver");
    public static final Approver DAVE = Approver.of("dave", "security");
    public static final Approver SAM_SPONSOR = Approver.of("sam", "sponsor");
    public static final Approver SUE_SPONSOR = Approver.of("sue", "sponsor");
    public static final Approver XENA_BOTH = Approver.of("xena", "approver", "sponsor");

    public static final String NHI = "service-account-ci-deployer";

    private Writs() {
    }

    public static Instant at(long minutesAfterT0) {
        return T0.plus(minutesAfterT0, MINUTES);
    }

    /** A valid request by alice for herself: prod-db-admin for 60 minutes on open ticket CHG-1001. */
    public static Ask ask() {
        return new Ask();
    }

    /** Alice's writ awaiting N approvals from the approver group, with a 240-minute cap. */
    public static Writ pending(int approvalsRequired) {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(approvalsRequired, "approver", 240), T0);
        return w;
    }

    /** Alice's 60-minute writ, approved by bob, granted at minute 10: the window runs to minute 70. */
    public static Writ active(int maxMinutes) {
        var w = ask().submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", maxMinutes), T0);
        w.approve(BOB, null, at(5));
        w.recordGrant(at(10), at(10));
        return w;
    }

    public static Writ active() {
        return active(240);
    }

    /**
     * A request under construction, with what the directory, the catalogue and the ticket system know of it; each
     * setter changes one thing about the valid default.
     */
    public static final class Ask {
        String requester = "alice";
        String target = "alice";
        String targetId;
        String targetOwner;
        IdentityKind targetKind = IdentityKind.PERSON;
        boolean targetKnown = true;
        boolean targetEnabled = true;
        String entitlement = "prod-db-admin";
        RiskTier riskTier = RiskTier.HIGH;
        SessionCoverage coverage = SessionCoverage.FULL;
        String ticket = "CHG-1001";
        TicketStatus ticketStatus = TicketStatus.open("CHG-1001");
        String justification = "rotate the replica credentials after the failover";
        DeclaredScope scope;
        Integer minutes = 60;
        boolean breakGlass;
        boolean thirdParty;
        Integer stepUpMinutes;
        /** How the requester had signed in; null: with a second factor at the moment they submit. */
        SignIn signIn;

        public Ask by(String requester) { this.requester = requester; this.target = requester; return this; }
        public Ask targetId(String id) { this.targetId = id; return this; }
        /** A person, by username. */
        public Ask forTarget(String person) { this.target = person; this.targetOwner = null; targetKind = IdentityKind.PERSON; return this; }
        /** The service account of an NHI, owned by that person (null: nobody). */
        public Ask forNhi(String serviceAccount, String owner) { this.target = serviceAccount; this.targetOwner = owner; targetKind = IdentityKind.NON_HUMAN; return this; }
        /** A target the directory does not know, or knows as disabled. */
        public Ask unknownTarget(String name) { this.target = name; this.targetKnown = false; return this; }
        public Ask disabledTarget() { this.targetEnabled = false; return this; }
        /** An entitlement of that tier in the catalogue; a null tier: the catalogue does not know the name. */
        public Ask entitlement(String name, RiskTier tier) { this.entitlement = name; this.riskTier = tier; return this; }
        public Ask coverage(SessionCoverage coverage) { this.coverage = coverage; return this; }
        public Ask ticket(String ref, TicketStatus status) { this.ticket = ref; this.ticketStatus = status; return this; }
        public Ask justification(String text) { this.justification = text; return this; }
        public Ask scope(DeclaredScope scope) { this.scope = scope; return this; }
        public Ask minutes(Integer minutes) { this.minutes = minutes; return this; }
        public Ask breakGlass() { this.breakGlass = true; return this; }
        public Ask thirdParty() { this.thirdParty = true; return this; }
        /** The entitlement asks for step-up (0: none); unset, its tier's default (CRITICAL 15 min). */
        public Ask stepUp(int minutes) { this.stepUpMinutes = minutes; return this; }
        public Ask signedIn(SignIn how) { this.signIn = how; return this; }

        public Submission submission() {
            var form = new WritForm(entitlement, ticket, justification, minutes,
                    target.equals(requester) ? null : target, scope, breakGlass);
            var identity = targetKnown ? Optional.of(new DirectoryIdentity(targetId, target, targetEnabled,
                    targetKind, targetKind == IdentityKind.NON_HUMAN ? target.replace("service-account-", "") : null,
                    targetOwner, thirdParty, Set.of())) : Optional.<DirectoryIdentity>empty();
            var known = riskTier == null ? Optional.<Entitlement>empty() : Optional.of(catalogued());
            return Submission.of(requester, form, identity, known, ticket == null || ticket.isBlank() ? null
                    : ticketStatus).signedIn(signIn == null ? SignIn.UNKNOWN : signIn);
        }

        private Entitlement catalogued() {
            var e = new Entitlement(entitlement.isBlank() ? "unnamed" : entitlement.strip(), EntitlementKind.REALM_ROLE,
                    null, riskTier, 240, 1, "approver", 90, "carol");
            e.coverSessions(coverage);
            if (stepUpMinutes != null) {
                e.requireStepUp(stepUpMinutes);
            }
            return e;
        }

        public Writ submit() {
            return submitAt(T0);
        }

        public Writ submitAt(Instant at) {
            var submission = submission();
            return Writ.submit(signIn == null ? submission.signedIn(new SignIn(StepUp.STRONG_ACR, at)) : submission, at);
        }
    }
}
