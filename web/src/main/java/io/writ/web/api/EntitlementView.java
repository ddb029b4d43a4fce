package io.writ.web.api;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.stepup.StepUp;

/** An entitlement as the API shows it. */
public record EntitlementView(String name, String kind, String clientId, RiskTier riskTier, int maxMinutes,
                              int approvalsRequired, String approverGroup, int reviewCadenceDays, String owner,
                              String coverage, String reviewFailureMode, Integer stepUpMinutes) {

    static EntitlementView of(Entitlement e) {
        return new EntitlementView(e.name(), e.kind().name(), e.clientId(), e.riskTier(), e.maxMinutes(),
                e.approvalsRequired(), e.approverGroup(), e.reviewCadenceDays(), e.owner(), e.coverage().name(),
                e.reviewFailureMode().name(), e.stepUp().map(StepUp::maxAgeMinutes).orElse(null));
    }
}
