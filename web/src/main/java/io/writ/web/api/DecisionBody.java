package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.writ.Decision;

/** The body of POST /api/v1/requests/{id}/decisions: {@code {decision: APPROVE or REJECT, comment}}. */
public record DecisionBody(String decision, String comment) {

    Decision parsed() {
        if ("APPROVE".equals(decision)) {
            return Decision.APPROVE;
        }
        if ("REJECT".equals(decision)) {
            return Decision.REJECT;
        }
        throw InvalidRequest.of("decision", "APPROVE or REJECT");
    }
}
