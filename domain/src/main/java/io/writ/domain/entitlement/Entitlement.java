package io.writ.domain.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.stepup.StepUp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A privileged Keycloak role or group that can only be held through a writ, with the policy that governs it:
 * how risky it is, how long a window may last, who approves and how many approvals it takes, and whether asking for
 * it and deciding on it need a recent sign-in with a second factor (step-up).
 */
@Entity
@Table(name = "entitlement")
public class Entitlement {

    /** What a new CRITICAL entitlement asks of a sign-in unless its administrator says otherwise. */
    public static final int DEFAULT_STEP_UP_MINUTES = 15;
    static final int MAX_STEP_UP_MINUTES = 24 * 60;

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntitlementKind kind;

    /** The Keycloak client that holds the role, for {@link EntitlementKind#CLIENT_ROLE} only. */
    @Column(name = "client_id")
    private String clientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_tier", nullable = false)
    private RiskTier riskTier;

    @Column(name = "max_minutes", nullable = false)
    private int maxMinutes;

    @Column(name = "approvals_required", nullable = false)
    private int approvalsRequired;

    @Column(name = "approver_group", nullable = false)
    private String approverGroup;

    @Column(name = "review_cadence_days", nullable = false)
    private int reviewCadenceDays;

    @Column(nullable = false)
    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionCoverage coverage;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_failure_mode", nullable = false)
    private ReviewFailureMode reviewFailureMode;

    /** Minutes a sign-in with a second factor stays good for asking for this and deciding on it; null: not asked. */
    @Column(name = "step_up_minutes")
    private Integer stepUpMinutes;

    @Version
    private long version;

    protected Entitlement() {
        // for JPA
    }

    public Entitlement(String name, EntitlementKind kind, String clientId, RiskTier riskTier, int maxMinutes,
                       int approvalsRequired, String approverGroup, int reviewCadenceDays, String owner) {
        var problems = new ArrayList<FieldError>();
        if (blank(name)) {
            problems.add(new FieldError("name", "is required"));
        }
        if (kind == null) {
            problems.add(new FieldError("kind", "REALM_ROLE, CLIENT_ROLE or GROUP"));
        } else if (kind == EntitlementKind.CLIENT_ROLE && blank(clientId)) {
            problems.add(new FieldError("clientId", "is required for a client role"));
        }
        problems.addAll(policyProblems(riskTier, maxMinutes, approvalsRequired, approverGroup, reviewCadenceDays, owner));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        this.name = name.strip();
        this.kind = kind;
        this.clientId = kind == EntitlementKind.CLIENT_ROLE ? clientId.strip() : null;
        setPolicy(riskTier, maxMinutes, approvalsRequired, approverGroup, reviewCadenceDays, owner);
        this.coverage = SessionCoverage.defaultFor(riskTier);
        this.reviewFailureMode = ReviewFailureMode.defaultFor(riskTier);
        this.stepUpMinutes = riskTier == RiskTier.CRITICAL ? DEFAULT_STEP_UP_MINUTES : null;
    }

    /**
     * Asking for this entitlement and deciding on it need a sign-in with a second factor at most this many minutes
     * old; 0 asks for none.
     */
    public void requireStepUp(int minutes) {
        if (minutes < 0 || minutes > MAX_STEP_UP_MINUTES) {
            throw InvalidRequest.of("stepUpMinutes", "0 (no step-up) to " + MAX_STEP_UP_MINUTES + " minutes");
        }
        this.stepUpMinutes = minutes == 0 ? null : minutes;
    }

    /** The recent strong sign-in asking for and deciding on this entitlement need; empty when they need none. */
    public Optional<StepUp> stepUp() {
        return Optional.ofNullable(stepUpMinutes).map(StepUp::new);
    }

    /** What a missed access review does to a standing assignment of this entitlement. */
    public void failReviewsBy(ReviewFailureMode mode) {
        if (mode == null) {
            throw InvalidRequest.of("reviewFailureMode", "FAIL_CLOSED or FAIL_OPEN");
        }
        this.reviewFailureMode = mode;
    }

    /** How much of the sessions that use this entitlement is kept as evidence. */
    public void coverSessions(SessionCoverage coverage) {
        if (coverage == null) {
            throw InvalidRequest.of("coverage", "FULL or LIGHT");
        }
        this.coverage = coverage;
    }

    /** An administrator changes the policy; what the entitlement is in Keycloak stays. */
    public void revise(RiskTier riskTier, int maxMinutes, int approvalsRequired, String approverGroup,
                       int reviewCadenceDays, String owner) {
        var problems = policyProblems(riskTier, maxMinutes, approvalsRequired, approverGroup, reviewCadenceDays, owner);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        setPolicy(riskTier, maxMinutes, approvalsRequired, approverGroup, reviewCadenceDays, owner);
    }

    private void setPolicy(RiskTier riskTier, int maxMinutes, int approvalsRequired, String approverGroup,
                           int reviewCadenceDays, String owner) {
        this.riskTier = riskTier;
        this.maxMinutes = maxMinutes;
        this.approvalsRequired = approvalsRequired;
        this.approverGroup = approverGroup.strip();
        this.reviewCadenceDays = reviewCadenceDays;
        this.owner = owner.strip();
    }

    private static List<FieldError> policyProblems(RiskTier riskTier, int maxMinutes, int approvalsRequired,
                                                   String approverGroup, int reviewCadenceDays, String owner) {
        var problems = new ArrayList<FieldError>();
        if (riskTier == null) {
            problems.add(new FieldError("riskTier", "LOW, MEDIUM, HIGH or CRITICAL"));
        }
        if (maxMinutes < 1) {
            problems.add(new FieldError("maxMinutes", "must be at least 1"));
        }
        if (approvalsRequired < 1) {
            problems.add(new FieldError("approvalsRequired", "must be at least 1"));
        }
        if (blank(approverGroup)) {
            problems.add(new FieldError("approverGroup", "is required"));
        }
        if (reviewCadenceDays < 1) {
            problems.add(new FieldError("reviewCadenceDays", "must be at least 1"));
        }
        if (blank(owner)) {
            problems.add(new FieldError("owner", "is required: every entitlement has an accountable owner"));
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String name() { return name; }
    public EntitlementKind kind() { return kind; }
    public String clientId() { return clientId; }
    public RiskTier riskTier() { return riskTier; }
    public int maxMinutes() { return maxMinutes; }
    public int approvalsRequired() { return approvalsRequired; }
    public String approverGroup() { return approverGroup; }
    public int reviewCadenceDays() { return reviewCadenceDays; }
    public String owner() { return owner; }
    public SessionCoverage coverage() { return coverage; }
    public ReviewFailureMode reviewFailureMode() {
        return reviewFailureMode != null ? reviewFailureMode : ReviewFailureMode.defaultFor(riskTier);
    }
}
