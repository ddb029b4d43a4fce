package io.writ.web.api;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.RiskTier;

/** An entitlement as the API shows it. */
public record EntitlementView(String name, RiskTier riskTier, int maxMinutes, int approvalsRequired) {

    static EntitlementView of(Entitlement e) {
        return new EntitlementView(e.name(), e.riskTier(), e.maxMinutes(), e.approvalsRequired());
    }
}
