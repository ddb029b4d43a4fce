package io.writ.domain.writ;

import io.writ.domain.entitlement.Entitlement;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The approval rules the policy decision chose for one writ: how many approvals, from which group, the longest
 * window, whether it is approved at once, and whether a sponsor must approve too (third-party administrators).
 *
 * <p>A sponsor comes <em>in addition</em> to the approvers: a writ that needs a sponsor is approved by N + 1
 * distinct people, one from the sponsor group and N others from the approver group. One person fills one seat,
 * never two, even when they belong to both groups; otherwise a single person in both groups could approve a
 * third-party writ alone.
 */
@Embeddable
public class ApprovalPolicy {

    @Column(name = "policy_approvals_required")
    private int approvalsRequired;

    @Column(name = "policy_approver_group")
    private String approverGroup;

    @Column(name = "policy_max_minutes")
    private int maxMinutes;

    @Column(name = "policy_auto_approve")
    private boolean autoApprove;

    @Column(name = "policy_sponsor_required")
    private boolean sponsorRequired;

    @Column(name = "policy_sponsor_group")
    private String sponsorGroup;

    /** A group asked to decide as well because the approvers took too long (escalation); null until then. */
    @Column(name = "policy_backup_group")
    private String backupGroup;

    protected ApprovalPolicy() {
        // for JPA
    }

    /**
     * @param approverGroup who may approve; needed even when auto-approved, because extensions are decided by it
     * @param sponsorGroup  who may sponsor; required exactly when a sponsor is
     */
    public ApprovalPolicy(int approvalsRequired, String approverGroup, int maxMinutes, boolean autoApprove,
                          boolean sponsorRequired, String sponsorGroup) {
        if (approverGroup == null || approverGroup.isBlank()) {
            throw new IllegalArgumentException("approverGroup is required");
        }
        if (maxMinutes < 1) {
            throw new IllegalArgumentException("maxMinutes must be at least 1");
        }
        if (!autoApprove && approvalsRequired < 1) {
            throw new IllegalArgumentException("approvalsRequired must be at least 1 unless auto-approved");
        }
        if (sponsorRequired && (sponsorGroup == null || sponsorGroup.isBlank())) {
            throw new IllegalArgumentException("sponsorGroup is required when a sponsor is");
        }
        if (sponsorRequired && autoApprove) {
            // A sponsor is a person's approval; auto-approval would skip it.
            throw new IllegalArgumentException("a policy that needs a sponsor cannot auto-approve");
        }
        this.approvalsRequired = Math.max(approvalsRequired, 0);
        this.approverGroup = approverGroup;
        this.maxMinutes = maxMinutes;
        this.autoApprove = autoApprove;
        this.sponsorRequired = sponsorRequired;
        this.sponsorGroup = sponsorRequired ? sponsorGroup : null;
    }

    /**
     * The policy for a writ on this entitlement, from the policy decision's answer: the decision sets a floor of
     * approvals and a cap on the window, and the entitlement's own settings can only make it stricter (more
     * approvals, a shorter window). A sponsor, when required, comes from the sponsor group.
     */
    public static ApprovalPolicy decided(Entitlement entitlement, int minApprovals, int maxMinutesCap,
                                         boolean autoApprove, boolean sponsorRequired, String sponsorGroup) {
        int approvals = Math.max(entitlement.approvalsRequired(), minApprovals);
        int maxMinutes = Math.min(entitlement.maxMinutes(), maxMinutesCap);
        if (sponsorRequired) {
            return withSponsor(approvals, entitlement.approverGroup(), maxMinutes, sponsorGroup);
        }
        return autoApprove ? autoApproved(entitlement.approverGroup(), maxMinutes)
                : approvals(approvals, entitlement.approverGroup(), maxMinutes);
    }

    /** N approvals from the approver group, no sponsor. */
    public static ApprovalPolicy approvals(int approvalsRequired, String approverGroup, int maxMinutes) {
        return new ApprovalPolicy(approvalsRequired, approverGroup, maxMinutes, false, false, null);
    }

    /** Approved at once (for example a LOW entitlement on an open ticket); later extensions go to the group. */
    public static ApprovalPolicy autoApproved(String approverGroup, int maxMinutes) {
        return new ApprovalPolicy(0, approverGroup, maxMinutes, true, false, null);
    }

    /** N approvals from the approver group plus one sponsor from the sponsor group. */
    public static ApprovalPolicy withSponsor(int approvalsRequired, String approverGroup, int maxMinutes,
                                             String sponsorGroup) {
        return new ApprovalPolicy(approvalsRequired, approverGroup, maxMinutes, false, true, sponsorGroup);
    }

    /** The same policy, with a backup group whose members now count as approvers too. */
    ApprovalPolicy escalatedTo(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a backup group is named");
        }
        var escalated = new ApprovalPolicy(approvalsRequired, approverGroup, maxMinutes, autoApprove,
                sponsorRequired, sponsorGroup);
        escalated.backupGroup = group;
        return escalated;
    }

    /** Whether this person belongs to a group that approves: the approver group, or the backup group once escalated. */
    boolean approvingGroupsInclude(Approver approver) {
        return approver.isIn(approverGroup) || (backupGroup != null && approver.isIn(backupGroup));
    }

    /** The groups whose members may decide: the approvers, the backup group once escalated, and the sponsors. */
    /** Whether someone in these groups may decide under this policy (as approver, backup or sponsor). */
    boolean hasDeciderAmong(java.util.Set<String> groups) {
        return groups.contains(approverGroup) || backupGroup().filter(groups::contains).isPresent()
                || sponsorRequired && groups.contains(sponsorGroup);
    }

    public List<String> decidingGroups() {
        var groups = new ArrayList<String>();
        groups.add(approverGroup);
        if (backupGroup != null && !groups.contains(backupGroup)) {
            groups.add(backupGroup);
        }
        if (sponsorRequired && !groups.contains(sponsorGroup)) {
            groups.add(sponsorGroup);
        }
        return List.copyOf(groups);
    }

    /** Whether these approvals (one per person) fill every seat the policy asks for. */
    boolean isMetBy(List<Approval> approvals) {
        var approving = approvals.stream().filter(a -> a.decision() == Decision.APPROVE).toList();
        long fromApprovers = approving.stream().filter(Approval::approverGroupMember).count();
        if (fromApprovers < approvalsRequired) {
            return false;
        }
        if (!sponsorRequired) {
            return true;
        }
        long fromSponsors = approving.stream().filter(Approval::sponsorGroupMember).count();
        long seatHolders = approving.stream().filter(a -> a.approverGroupMember() || a.sponsorGroupMember()).count();
        // Some sponsor, plus N people other than that sponsor from the approver group.
        return fromSponsors >= 1 && seatHolders >= approvalsRequired + 1L;
    }

    /**
     * Whether someone who is only in the sponsor group would still fill a seat: no sponsor-only person has
     * approved yet (a person in both groups may be needed as an approver instead).
     */
    boolean sponsorSeatOpen(List<Approval> approvals) {
        return sponsorRequired && approvals.stream().noneMatch(a -> a.decision() == Decision.APPROVE
                && a.sponsorGroupMember() && !a.approverGroupMember());
    }

    public int approvalsRequired() { return approvalsRequired; }
    public String approverGroup() { return approverGroup; }
    public int maxMinutes() { return maxMinutes; }
    public boolean autoApprove() { return autoApprove; }
    public boolean sponsorRequired() { return sponsorRequired; }
    public String sponsorGroup() { return sponsorGroup; }
    public java.util.Optional<String> backupGroup() { return java.util.Optional.ofNullable(backupGroup); }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApprovalPolicy p && approvalsRequired == p.approvalsRequired
                && maxMinutes == p.maxMinutes && autoApprove == p.autoApprove
                && sponsorRequired == p.sponsorRequired && approverGroup.equals(p.approverGroup)
                && Objects.equals(sponsorGroup, p.sponsorGroup) && Objects.equals(backupGroup, p.backupGroup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(approvalsRequired, approverGroup, maxMinutes, autoApprove, sponsorRequired, sponsorGroup,
                backupGroup);
    }
}
