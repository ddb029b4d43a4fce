package io.writ.domain.writ;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.DirectoryRef;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.writ.domain.stepup.SignIn;
import io.writ.domain.stepup.StepUp;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A writ's terms, fixed when it is submitted: who asked, for which identity, which entitlement, on which ticket,
 * why, for how long and in what scope. Decisions, the grant and the end never change them.
 */
@Embeddable
public class WritTerms {

    @Column(nullable = false, length = 200)
    private String requester;

    @Column(nullable = false, length = 200)
    private String target;

    /** The directory's key for the target, when it was known at submission (see {@link #targetRef()}). */
    @Column(name = "target_id", length = 64)
    private String targetId;

    /** The accountable human owner when the target is a non-human identity. */
    @Column(name = "target_owner", length = 200)
    private String targetOwner;

    @Column(nullable = false, length = 200)
    private String entitlement;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier", nullable = false, length = 10)
    private RiskTier riskTier;

    /** Absent only for break-glass access. */
    @Column(length = 100)
    private String ticket;

    @Column(nullable = false, length = 2000)
    private String justification;

    @Embedded
    private DeclaredScope scope;

    /** The window asked for; it starts when the entitlement is granted. */
    @Column(name = "requested_minutes", nullable = false)
    private int requestedMinutes;

    @Column(name = "break_glass", nullable = false)
    private boolean breakGlass;

    /** The target is a third-party administrator: a sponsor approves too, and their sessions are kept in full. */
    @Column(name = "third_party", nullable = false)
    private boolean thirdParty;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** What the entitlement asked of a sign-in when the writ was submitted (minutes); null: no step-up. */
    @Column(name = "step_up_minutes")
    private Integer stepUpMinutes;

    /** How the requester had signed in when they asked (the token's acr); null when unknown. */
    @Column(name = "requester_acr", length = 100)
    private String requesterAcr;

    @Column(name = "requester_signed_in_at")
    private Instant requesterSignedInAt;

    protected WritTerms() {
        // for JPA
    }

    /** The terms of a submission without problems (see {@link Submission#problems()}). */
    WritTerms(Submission s, Instant submittedAt) {
        var identity = s.target().orElseThrow();
        var asked = s.entitlement().orElseThrow();
        requester = s.requester();
        target = identity.username();
        targetId = identity.id();
        targetOwner = identity.isNonHuman() ? identity.owner() : null;
        entitlement = asked.name();
        riskTier = asked.riskTier();
        ticket = s.form().ticketRef();
        justification = s.form().justification().strip();
        scope = s.scope();
        requestedMinutes = s.form().durationMinutes();
        breakGlass = s.form().breakGlass();
        thirdParty = identity.thirdParty();
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        stepUpMinutes = asked.stepUp().map(StepUp::maxAgeMinutes).orElse(null);
        requesterAcr = s.signIn().acr();
        requesterSignedInAt = s.signIn().at();
    }

    /** "prod-db-admin for alice for 60 min on ticket CHG-1001: rotate the replica credentials". */
    String describe() {
        return entitlement + " for " + target + " for " + requestedMinutes + " min on ticket "
                + ticket().orElse("(break-glass)") + ": " + justification;
    }

    /** Whether the person is the requester, the identity that receives the access, or the owner of that NHI. */
    boolean involves(String who) {
        return who.equals(requester) || who.equals(target) || targetOwner().filter(who::equals).isPresent();
    }

    public String requester() { return requester; }
    public String target() { return target; }
    /** The target as the directory is to be told of its grant and revocation: by its key when known. */
    public DirectoryRef targetRef() { return new DirectoryRef(targetId, target); }
    public Optional<String> targetOwner() { return Optional.ofNullable(targetOwner); }
    public String entitlement() { return entitlement; }
    public RiskTier riskTier() { return riskTier; }
    public Optional<String> ticket() { return Optional.ofNullable(ticket); }
    public String justification() { return justification; }
    public DeclaredScope scope() { return scope != null ? scope : DeclaredScope.unrestricted(); }
    public int requestedMinutes() { return requestedMinutes; }
    public boolean breakGlass() { return breakGlass; }
    public boolean thirdParty() { return thirdParty; }
    public Instant submittedAt() { return submittedAt; }
    /** What deciding on this writ asks of a sign-in; empty when nothing. */
    public Optional<StepUp> stepUp() { return Optional.ofNullable(stepUpMinutes).map(StepUp::new); }
    /** How the requester had signed in when they asked. */
    public SignIn requesterSignIn() { return new SignIn(requesterAcr, requesterSignedInAt); }
}
