package io.writ.web.health;

import io.writ.domain.notice.NoticeWebhook;
import io.writ.domain.notice.Notifier;
import io.writ.workflow.notice.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How notices are getting out: whether mail and the webhook are on, how many notices are not delivered yet, since
 * when, and the latest problem. Always UP: the portal serves its users and keeps every notice while a mail server
 * or webhook receiver is away (they are delivered when it returns), so taking the portal out of service would help
 * nobody. An operator watches {@code undelivered} instead.
 */
@Readiness
@ApplicationScoped
public class NotificationsHealth implements HealthCheck {

    @Inject
    Outbox outbox;

    @Inject
    Notifier mail;

    @Inject
    NoticeWebhook webhook;

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("notifications").up()
                .withData("mail", mail.isOn() ? "on" : "off")
                .withData("webhook", webhook.isOn() ? "on" : "off");
        try {
            var backlog = outbox.backlog();
            health.withData("undelivered", backlog.undelivered());
            backlog.oldestSince().ifPresent(since -> health.withData("oldestUndeliveredSince", since.toString()));
            backlog.lastProblem().ifPresent(problem -> health.withData("lastProblem", problem));
        } catch (RuntimeException e) {
            health.withData("error", String.valueOf(e.getMessage()));
        }
        return health.build();
    }
}
