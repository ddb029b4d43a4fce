package io.writ.domain.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;

/**
 * A privileged Keycloak role or group that can only be held through a writ, with the policy that governs it:
 * how risky it is, how long a window may last, who approves and how many approvals it takes.
 */
@Entity
@Table(name = "entitlement")
public class Entitlement {

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

    @Version
    private long version;

    protected Entitlement() {
        // for JPA
    }

    public Entitlement(String name, EntitlementKind kind, String clientId, RiskTier riskTier, int maxMinutes,
                       int approvalsRequired, String approverGroup, int reviewCadenceDays, String owner) {
        this.name = require(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        if (kind == EntitlementKind.CLIENT_ROLE) {
            require(clientId, "clientId");
        }
        this.clientId = clientId;
        this.riskTier = Objects.requireNonNull(riskTier, "riskTier");
        this.approverGroup = require(approverGroup, "approverGroup");
        this.owner = require(owner, "owner");
        if (maxMinutes < 1) {
            throw new IllegalArgumentException("maxMinutes must be at least 1");
        }
        if (approvalsRequired < 1) {
            throw new IllegalArgumentException("approvalsRequired must be at least 1");
        }
        if (reviewCadenceDays < 1) {
            throw new IllegalArgumentException("reviewCadenceDays must be at least 1");
        }
        this.maxMinutes = maxMinutes;
        this.approvalsRequired = approvalsRequired;
        this.reviewCadenceDays = reviewCadenceDays;
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
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
}
