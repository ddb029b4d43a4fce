package io.writ.web.portal;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.workflow.catalogue.CatalogueDesk;
import io.writ.workflow.catalogue.EntitlementForm;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** An administrator adds entitlements to the catalogue and revises the policy of one chosen from it. */
@Named
@ViewScoped
public class ManageCatalogue implements Serializable {

    private static final String AGAIN = "/admin/entitlements.xhtml?faces-redirect=true";

    /** Where each field of the model's answer is shown on admin/entitlements.xhtml. */
    private static final Map<String, String> CONTROLS = Map.ofEntries(Map.entry("name", "entitlement:name"),
            Map.entry("kind", "entitlement:kind"), Map.entry("clientId", "entitlement:client"),
            Map.entry("riskTier", "entitlement:tier"), Map.entry("maxMinutes", "entitlement:max-minutes"),
            Map.entry("approvalsRequired", "entitlement:approvals"),
            Map.entry("approverGroup", "entitlement:approver-group"),
            Map.entry("reviewCadenceDays", "entitlement:review-cadence"), Map.entry("owner", "entitlement:owner"),
            Map.entry("coverage", "entitlement:coverage"),
            Map.entry("reviewFailureMode", "entitlement:failure-mode"),
            Map.entry("stepUpMinutes", "entitlement:step-up"));

    /** An entitlement as the catalogue table shows it. */
    public record Entry(String name, String kind, String clientId, String riskTier, int maxMinutes,
                        int approvalsRequired, String approverGroup, int reviewCadenceDays, String owner,
                        String coverage, String reviewFailureMode, Integer stepUpMinutes) implements Serializable {

        static Entry of(Entitlement e) {
            return new Entry(e.name(), e.kind().name(), e.clientId(), e.riskTier().name(), e.maxMinutes(),
                    e.approvalsRequired(), e.approverGroup(), e.reviewCadenceDays(), e.owner(), e.coverage().name(),
                    e.reviewFailureMode().name(), e.stepUp().map(StepUp::maxAgeMinutes).orElse(null));
        }
    }

    @Inject CatalogueDesk catalogue;
    @Inject transient SecurityContext security;

    private List<Entry> entitlements;
    /** The entitlement being revised, or null while a new one is described. */
    private String revising;
    private String name, kind = EntitlementKind.REALM_ROLE.name(), clientId, riskTier, approverGroup, owner, coverage,
            reviewFailureMode;
    private Integer maxMinutes, approvalsRequired, reviewCadenceDays, stepUpMinutes;

    @PostConstruct
    void load() {
        entitlements = catalogue.all().stream().map(Entry::of).toList();
    }

    public String add() {
        return PageMessages.attempt(() -> catalogue.add(form(), caller()), added -> "Entitlement " + added.name()
                + " added to the catalogue: " + added.riskTier() + ", at most " + added.maxMinutes() + " min",
                AGAIN, CONTROLS);
    }

    public String revise() {
        return PageMessages.attempt(() -> catalogue.revise(revising, form(), caller()), revised -> "Entitlement "
                + revised.name() + " revised: " + revised.riskTier() + ", at most " + revised.maxMinutes() + " min, "
                + revised.approvalsRequired() + " approval(s)", AGAIN, CONTROLS);
    }

    /** Fills the form with a row of the table to revise it (no call: the row was read when the page was built). */
    public void choose(Entry e) {
        revising = e.name();
        name = e.name();
        kind = e.kind();
        clientId = e.clientId();
        riskTier = e.riskTier();
        maxMinutes = e.maxMinutes();
        approvalsRequired = e.approvalsRequired();
        approverGroup = e.approverGroup();
        reviewCadenceDays = e.reviewCadenceDays();
        owner = e.owner();
        coverage = e.coverage();
        reviewFailureMode = e.reviewFailureMode();
        stepUpMinutes = e.stepUpMinutes() == null ? 0 : e.stepUpMinutes();
    }

    private EntitlementForm form() {
        return new EntitlementForm(name, kind, clientId, riskTier, maxMinutes, approvalsRequired, approverGroup,
                reviewCadenceDays, owner, coverage, reviewFailureMode, stepUpMinutes);
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<Entry> getEntitlements() { return entitlements; }
    public List<EntitlementKind> getKinds() { return List.of(EntitlementKind.values()); }
    public List<RiskTier> getTiers() { return List.of(RiskTier.values()); }
    public List<SessionCoverage> getCoverages() { return List.of(SessionCoverage.values()); }
    public List<io.writ.domain.entitlement.ReviewFailureMode> getFailureModes() {
        return List.of(io.writ.domain.entitlement.ReviewFailureMode.values());
    }
    public String getReviewFailureMode() { return reviewFailureMode; }
    public void setReviewFailureMode(String reviewFailureMode) { this.reviewFailureMode = reviewFailureMode; }
    public Integer getStepUpMinutes() { return stepUpMinutes; }
    public void setStepUpMinutes(Integer stepUpMinutes) { this.stepUpMinutes = stepUpMinutes; }
    public String getRevising() { return revising; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getRiskTier() { return riskTier; }
    public void setRiskTier(String riskTier) { this.riskTier = riskTier; }
    public Integer getMaxMinutes() { return maxMinutes; }
    public void setMaxMinutes(Integer maxMinutes) { this.maxMinutes = maxMinutes; }
    public Integer getApprovalsRequired() { return approvalsRequired; }
    public void setApprovalsRequired(Integer approvalsRequired) { this.approvalsRequired = approvalsRequired; }
    public String getApproverGroup() { return approverGroup; }
    public void setApproverGroup(String approverGroup) { this.approverGroup = approverGroup; }
    public Integer getReviewCadenceDays() { return reviewCadenceDays; }
    public void setReviewCadenceDays(Integer reviewCadenceDays) { this.reviewCadenceDays = reviewCadenceDays; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getCoverage() { return coverage; }
    public void setCoverage(String coverage) { this.coverage = coverage; }
}
