package io.writ.workflow.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Where notices are posted as JSON ({@code WRIT_WEBHOOK_URL}; unset, nothing is posted) and the secret that signs
 * each body ({@code WRIT_WEBHOOK_SECRET}; unset, bodies go unsigned). Both are secrets of a kind: a chat tool's
 * webhook address lets anyone who has it post to the channel.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "writ.webhook.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "writ.webhook.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "writ.webhook.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    Optional<String> url() { return url.filter(u -> !u.isBlank()); }
    Optional<String> secret() { return secret.filter(s -> !s.isEmpty()); }
    int timeoutSeconds() { return Math.max(1, timeoutSeconds); }
}
