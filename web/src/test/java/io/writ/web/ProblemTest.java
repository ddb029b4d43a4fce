package io.writ.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Problem details carry the RFC 9457 members and the ones the API's clients read before them. */
class ProblemTest {

    @Test
    void aProblemHasTheStandardMembersTheOldOnesAndWhatItWasGiven() {
        var answer = Problem.of(401, "Unauthorized", "the step-up is missing")
                .with("acr", "mfa")
                .header("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\"")
                .response();

        assertThat(answer.getStatus()).isEqualTo(401);
        assertThat(answer.getMediaType()).hasToString("application/problem+json");
        assertThat(answer.getHeaderString("WWW-Authenticate")).isEqualTo(
                "Bearer error=\"insufficient_user_authentication\"");
        @SuppressWarnings("unchecked")
        var body = (Map<String, Object>) answer.getEntity();
        assertThat(body).containsExactly(
                entry("type", "about:blank"), entry("title", "Unauthorized"), entry("status", 401),
                entry("detail", "the step-up is missing"), entry("error", "the step-up is missing"),
                entry("errors", List.of()), entry("acr", "mfa"));
    }
}
