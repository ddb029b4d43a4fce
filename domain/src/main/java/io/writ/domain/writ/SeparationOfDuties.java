package io.writ.domain.writ;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may decide on a writ: the one place these rules live. Never the requester, never the identity that would
 * receive the entitlement, never the owner of that identity when it is non-human; only a member of the approver
 * group, or of the sponsor group while a sponsor seat is open (see {@link ApprovalPolicy}); and each person once.
 * An extension is decided by one member of the approver group free of those conflicts of interest.
 */
final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /** Why this person may not approve or reject the writ, or empty when they may. */
    static Optional<String> objectionToDeciding(WritRecord w, Approver a) {
        var conflict = conflictOfInterest(w, a);
        if (conflict.isPresent()) {
            return conflict;
        }
        var policy = w.policy().orElseThrow();
        var approvals = w.approvals();
        if (approvals.stream().anyMatch(d -> d.approver().equals(a.username()))) {
            return Optional.of("you have already decided on writ " + w.id() + "; each person counts once");
        }
        boolean sponsorSeatOpen = policy.sponsorSeatOpen(approvals);
        boolean asApprover = policy.approvingGroupsInclude(a);
        boolean asSponsor = sponsorSeatOpen && a.isIn(policy.sponsorGroup());
        if (!asApprover && !asSponsor) {
            return Optional.of("you are not in the approver group '" + policy.approverGroup() + "'"
                    + (sponsorSeatOpen ? " nor in the sponsor group '" + policy.sponsorGroup() + "'" : ""));
        }
        return Optional.empty();
    }

    /** Why this person may not decide on the writ's extension, or empty when they may. */
    static Optional<String> objectionToDecidingExtension(WritRecord w, Approver a) {
        var conflict = conflictOfInterest(w, a);
        if (conflict.isPresent()) {
            return conflict;
        }
        var policy = w.policy().orElseThrow();
        return policy.approvingGroupsInclude(a) ? Optional.empty()
                : Optional.of("you are not in the approver group '" + policy.approverGroup() + "'");
    }

    /**
     * The groups whose members may decide on the writ now: the approver group, the backup group once escalated, and
     * the sponsor group while a sponsor seat is open. Who is asked for a decision.
     */
    static Set<String> groupsThatMayDecide(WritRecord w) {
        var policy = w.policy().orElseThrow();
        var groups = new LinkedHashSet<String>();
        groups.add(policy.approverGroup());
        policy.backupGroup().ifPresent(groups::add);
        if (policy.sponsorSeatOpen(w.approvals())) {
            groups.add(policy.sponsorGroup());
        }
        return groups;
    }

    /** The groups whose members may decide on the writ's extension. */
    static Set<String> groupsThatMayDecideExtension(WritRecord w) {
        var policy = w.policy().orElseThrow();
        var groups = new LinkedHashSet<String>();
        groups.add(policy.approverGroup());
        policy.backupGroup().ifPresent(groups::add);
        return groups;
    }

    /**
     * The people who may not decide on the writ whatever groups they are in: those with a conflict of interest
     * (requester, target, owner of a non-human target) and, unless it is about an extension, whoever decided already.
     */
    static Set<String> barredFromDeciding(WritRecord w, boolean extension) {
        var barred = new LinkedHashSet<String>();
        barred.add(w.requester());
        barred.add(w.target());
        w.targetOwner().ifPresent(barred::add);
        if (!extension) {
            w.approvals().forEach(a -> barred.add(a.approver()));
        }
        return barred;
    }

    private static Optional<String> conflictOfInterest(WritRecord w, Approver a) {
        String who = a.username();
        if (who.equals(w.requester())) {
            return Optional.of("you asked for writ " + w.id() + "; someone else must decide on it");
        }
        if (who.equals(w.target())) {
            return Optional.of("writ " + w.id() + " would give you the entitlement; someone else must decide on it");
        }
        if (w.targetOwner().filter(who::equals).isPresent()) {
            return Optional.of("you own " + w.target() + ", the non-human identity writ " + w.id()
                    + " elevates; someone else must decide on it");
        }
        return Optional.empty();
    }

    /** Turns an objection into the refusal. */
    static void refuseIf(Optional<String> objection) {
        if (objection.isPresent()) {
            throw new SeparationOfDutiesViolation(objection.get());
        }
    }
}
