package io.writ.web.it;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

/** Session telemetry as a bastion or recorder posts it (the session-ingest client), for the tests that need some. */
final class SessionEvents {

    static final String PATH = "/api/v1/sessions/events";

    private SessionEvents() {
    }

    /** One event as JSON, with an event id of its own. */
    static String event(String session, String identity, String type, Instant at, String target, String detail) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"sessionId\":\"" + session + "\",\"identity\":\""
                + identity + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"target\":" + Json.quote(target)
                + ",\"detail\":" + Json.quote(detail) + "}";
    }

    /** Posts the events (one JSON object or an array) as the session-ingest client. */
    static HttpResponse<String> report(String body) {
        return Http.post(PATH, ingestToken(), body);
    }

    static String ingestToken() {
        return KeycloakTokens.forClient("session-ingest", "session-ingest-secret");
    }

    /** The open alert raised on the writ, as security's queue shows it (JSON), or nothing. */
    static String alertOn(String writ) {
        var alerts = Http.get("/api/v1/alerts", Writs.token("dave")).body();
        var at = alerts.indexOf("\"writId\":\"" + writ + "\"");
        if (at < 0) {
            return "";
        }
        var start = alerts.lastIndexOf('{', at);
        var end = alerts.indexOf("}", at);
        return alerts.substring(start, end + 1);
    }
}
