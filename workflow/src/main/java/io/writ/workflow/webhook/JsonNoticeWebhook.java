package io.writ.workflow.webhook;

import io.writ.domain.notice.DeliveryFailed;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeWebhook;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Grant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;

/**
 * Posts each notice as one JSON object to the configured URL. The {@code text} field is what chat tools (Slack,
 * Mattermost and others with incoming webhooks) show as it is; the other fields are for systems that read them.
 */
@ApplicationScoped
public class JsonNoticeWebhook implements NoticeWebhook {

    static final String EVENT_HEADER = "X-Writ-Event";
    static final String NOTICE_HEADER = "X-Writ-Notice";

    @Inject
    WebhookSettings settings;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public boolean isOn() {
        return settings.url().isPresent();
    }

    @Override
    public void post(Notice notice, Writ writ, String link) {
        var url = settings.url().orElseThrow(() -> new IllegalStateException("the webhook is off"));
        var body = json(notice, writ, link).toString().getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(EVENT_HEADER, notice.kind().eventName())
                .header(NOTICE_HEADER, notice.id());
        settings.secret().ifPresent(secret -> request.header(NoticeSignature.HEADER, NoticeSignature.of(body, secret)));
        HttpResponse<String> answer;
        try {
            answer = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed("webhook not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("webhook post interrupted", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new DeliveryFailed("webhook answered " + answer.statusCode(), null);
        }
    }

    static JsonObject json(Notice notice, Writ writ, String link) {
        var audience = notice.audience();
        if (writ == null) { // about an access review campaign
            return Json.createObjectBuilder()
                    .add("id", notice.id())
                    .add("event", notice.kind().eventName())
                    .add("at", notice.createdAt().toString())
                    .add("text", notice.subject() + "\n" + link)
                    .add("subject", notice.subject())
                    .add("body", notice.body())
                    .add("link", link)
                    .add("audience", Json.createObjectBuilder()
                            .add("people", array(audience.users()))
                            .add("groups", array(audience.groups())))
                    .addNull("writ")
                    .add("campaign", Json.createObjectBuilder().add("id", notice.campaignId().orElse("")))
                    .build();
        }
        var writJson = Json.createObjectBuilder()
                .add("id", writ.id())
                .add("requester", writ.requester())
                .add("target", writ.target())
                .add("entitlement", writ.entitlement())
                .add("riskTier", writ.riskTier().name())
                .add("breakGlass", writ.breakGlass());
        writ.ticket().ifPresentOrElse(t -> writJson.add("ticket", t), () -> writJson.addNull("ticket"));
        writ.grant().map(Grant::expiresAt).ifPresent(end -> writJson.add("windowEndsAt", end.toString()));
        return Json.createObjectBuilder()
                .add("id", notice.id())
                .add("event", notice.kind().eventName())
                .add("at", notice.createdAt().toString())
                .add("text", notice.subject() + "\n" + link)
                .add("subject", notice.subject())
                .add("body", notice.body())
                .add("link", link)
                .add("audience", Json.createObjectBuilder()
                        .add("people", array(audience.users()))
                        .add("groups", array(audience.groups())))
                .add("writ", writJson)
                .build();
    }

    private static JsonArrayBuilder array(Collection<String> names) {
        var array = Json.createArrayBuilder();
        names.forEach(array::add);
        return array;
    }
}
