package io.writ.web.api;

import io.writ.domain.stepup.StepUpRequired;
import io.writ.web.Problem;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9470's answer to a token whose sign-in is too weak or too old for what it asked: 401 with
 * {@code WWW-Authenticate: Bearer error="insufficient_user_authentication"}, the {@code acr_values} and
 * {@code max_age} a new token must satisfy, and the reason as a problem document. Nothing was changed.
 */
final class StepUpChallenge {

    private StepUpChallenge() {
    }

    static Response of(StepUpRequired needed) {
        return Problem.of(401, "A stronger or more recent sign-in is needed", needed.getMessage())
                .with("type", "https://www.rfc-editor.org/rfc/rfc9470")
                .with("acr_values", needed.acrValues())
                .with("max_age", needed.maxAgeSeconds())
                .header("WWW-Authenticate", "Bearer realm=\"writ\", error=\"insufficient_user_authentication\", "
                        + "error_description=\"" + needed.getMessage().replace('"', '\'') + "\", acr_values=\""
                        + needed.acrValues() + "\", max_age=" + needed.maxAgeSeconds())
                .response();
    }
}
