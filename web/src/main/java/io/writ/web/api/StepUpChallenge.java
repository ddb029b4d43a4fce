package io.writ.web.api;

import io.writ.domain.stepup.StepUpRequired;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * RFC 9470's answer to a token whose sign-in is too weak or too old for what it asked: 401 with
 * {@code WWW-Authenticate: Bearer error="insufficient_user_authentication"}, the {@code acr_values} and
 * {@code max_age} a new token must satisfy, and the reason as a problem document. Nothing was changed.
 */
final class StepUpChallenge {

    static final String PROBLEM_JSON = "application/problem+json";

    private StepUpChallenge() {
    }

    static Response of(StepUpRequired needed) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "https://www.rfc-editor.org/rfc/rfc9470");
        body.put("title", "A stronger or more recent sign-in is needed");
        body.put("status", 401);
        body.put("detail", needed.getMessage());
        body.put("error", needed.getMessage());
        body.put("acr_values", needed.acrValues());
        body.put("max_age", needed.maxAgeSeconds());
        body.put("errors", List.of());
        return Response.status(Response.Status.UNAUTHORIZED)
                .header("WWW-Authenticate", "Bearer realm=\"writ\", error=\"insufficient_user_authentication\", "
                        + "error_description=\"" + needed.getMessage().replace("\"", "'") + "\", acr_values=\""
                        + needed.acrValues() + "\", max_age=" + needed.maxAgeSeconds())
                .type(PROBLEM_JSON)
                .entity(body)
                .build();
    }
}
