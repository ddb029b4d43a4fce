package io.writ.domain.writ;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.writ.domain.stepup.SignIn;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One person's decision on a writ, with their comment and the time. It also keeps in which capacity the person
 * decided (member of the approver group, of the sponsor group), because group membership can change later and
 * the count toward the policy must not. Created only by the writ.
 */
@Entity
@Table(name = "writ_approval")
public class Approval {

    @Id
    @Column(length = 36)
    private String id;

    /** Order of decisions on the writ, 1 for the first; times alone can tie. */
    @Column(name = "seq_no", nullable = false)
    private int sequence;

    @Column(nullable = false, length = 200)
    private String approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Decision decision;

    @Column(length = 2000)
    private String comment;

    @Column(name = "decided_at", nullable = false)
    private Instant at;

    @Column(name = "approver_group_member", nullable = false)
    private boolean approverGroupMember;

    @Column(name = "sponsor_group_member", nullable = false)
    private boolean sponsorGroupMember;

    /** How the approver had signed in when deciding (the token's acr); null when unknown. */
    @Column(length = 100)
    private String acr;

    @Column(name = "signed_in_at")
    private Instant signedInAt;

    protected Approval() {
        // for JPA
    }

    Approval(int sequence, Approver approver, Decision decision, String comment, Instant at,
             ApprovalPolicy policy) {
        this.id = UUID.randomUUID().toString();
        this.sequence = sequence;
        this.approver = approver.username();
        this.decision = Objects.requireNonNull(decision, "decision");
        this.comment = comment;
        this.at = Objects.requireNonNull(at, "at");
        this.approverGroupMember = policy.approvingGroupsInclude(approver);
        this.sponsorGroupMember = policy.sponsorRequired() && approver.isIn(policy.sponsorGroup());
        this.acr = approver.signIn().acr();
        this.signedInAt = approver.signIn().at();
    }

    public String id() { return id; }
    public String approver() { return approver; }
    public Decision decision() { return decision; }
    public String comment() { return comment; }
    public Instant at() { return at; }
    public boolean approverGroupMember() { return approverGroupMember; }
    public boolean sponsorGroupMember() { return sponsorGroupMember; }
    /** How the approver had signed in when deciding. */
    public SignIn signIn() { return new SignIn(acr, signedInAt); }
    int sequence() { return sequence; }
}
