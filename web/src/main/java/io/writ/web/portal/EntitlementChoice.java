package io.writ.web.portal;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.stepup.StepUp;

import java.io.Serializable;

/** An entitlement in the request form's picker, with the policy the catalogue sets for it. */
public record EntitlementChoice(String name, String riskTier, int approvalsRequired, String approverGroup,
                                int maxMinutes, Integer stepUpMinutes) implements Serializable {

    static EntitlementChoice of(Entitlement e) {
        return new EntitlementChoice(e.name(), e.riskTier().name(), e.approvalsRequired(), e.approverGroup(),
                e.maxMinutes(), e.stepUp().map(StepUp::maxAgeMinutes).orElse(null));
    }
}
