package io.writ.domain.writ;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import static io.writ.domain.writ.SeparationOfDuties.objectionToDeciding;
import static io.writ.domain.writ.SeparationOfDuties.refuseIf;

/**
 * The decisions on a writ: the policy they are made under, each approval or rejection in the order made, and when
 * approval was reached or refused. Part of the writ: each decision is checked against {@link SeparationOfDuties}
 * for that writ first, and refused ones change nothing.
 */
@Embeddable
public class Decisions {

    @Embedded
    private ApprovalPolicy policy;

    // Owned by the writ (no back reference), so that each decision raises the writ's version: two approvers
    // deciding at once on the same writ cannot both win, even when neither decision completes it.
    // Loaded with the writ: the decisions are part of the aggregate, few, and read wherever the writ is shown.
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "writ_id", nullable = false, updatable = false)
    @OrderBy("sequence")
    private List<Approval> approvals = new ArrayList<>();

    @Column(name = "decided_at")
    private Instant decidedAt;

    Decisions() {
        // for JPA, and for a writ before its policy is applied
    }

    /** Decisions are made under that policy from now on; approved at once (now) when the policy says so. */
    void under(ApprovalPolicy policy, Instant now) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (policy.autoApprove()) {
            decidedAt = Objects.requireNonNull(now, "now");
        }
    }

    /** One approval of that writ; true when it was the one that met the policy. */
    boolean approve(Writ writ, Approver approver, String comment, Instant now) {
        refuseIf(objectionToDeciding(writ, approver));
        writ.requireStepUpOf(approver, now);
        add(approver, Decision.APPROVE, Comments.optional(comment, "comment"), now);
        if (!policy.isMetBy(approvals)) {
            return false;
        }
        decidedAt = now;
        return true;
    }

    /** One approver's refusal decides the writ; they must say why. */
    void reject(Writ writ, Approver approver, String comment, Instant now) {
        refuseIf(objectionToDeciding(writ, approver));
        writ.requireStepUpOf(approver, now);
        add(approver, Decision.REJECT, Comments.required(comment, "comment", "say why the writ is rejected"), now);
        decidedAt = now;
    }

    /** Members of the backup group may decide as well; false when it was asked already. */
    boolean escalateTo(String backupGroup) {
        if (policy.backupGroup().filter(backupGroup::equals).isPresent()) {
            return false;
        }
        policy = policy.escalatedTo(backupGroup);
        return true;
    }

    /** "ok — 1 of 2 approvals; now PENDING_APPROVAL": the latest decision, in the audit trail's words. */
    String latest(WritState now) {
        var comment = approvals.get(approvals.size() - 1).comment();
        return (comment == null ? "" : comment + " — ") + soFar() + "; now " + now;
    }

    /** "1 of 2 approvals". */
    String soFar() {
        return approvalsSoFar() + " of " + policy.approvalsRequired() + " approvals";
    }

    int approvalsSoFar() {
        return (int) approvals.stream().filter(a -> a.decision() == Decision.APPROVE).count();
    }

    /** Whether this person decided on the writ already, in any way. */
    boolean decidedBy(String who) {
        return approvals.stream().anyMatch(a -> a.approver().equals(who));
    }

    /** Whether this person made exactly this decision already (a repeat of it changes nothing). */
    boolean made(String who, Decision decision) {
        return approvals.stream().anyMatch(a -> a.approver().equals(who) && a.decision() == decision);
    }

    /** Since when the next decision is awaited: the latest decision, or else then (the submission). */
    Instant awaitedSince(Instant submittedAt) {
        return approvals.isEmpty() ? submittedAt : approvals.get(approvals.size() - 1).at();
    }

    private void add(Approver approver, Decision decision, String comment, Instant now) {
        approvals.add(new Approval(approvals.size() + 1, approver, decision, comment, now, policy));
    }

    ApprovalPolicy policy() { return policy; }
    List<Approval> approvals() { return Collections.unmodifiableList(approvals); }
    Instant decidedAt() { return decidedAt; }
}
