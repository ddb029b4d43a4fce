package io.writ.bastion;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The agent's calls to the portal, as its own non-human identity: a client-credentials token from Keycloak (never a
 * person's), kept until shortly before it expires and fetched again when the portal refuses it.
 */
class WritClient {

    /** The portal or Keycloak could not be asked, or refused the agent: why, in a sentence for the log. */
    static class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** The portal answered, with a status other than the one expected. */
    static final class Refused extends Unreachable {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT).build();
    private String token;
    private Instant tokenUntil = Instant.EPOCH;

    WritClient(Settings settings) {
        this.settings = settings;
    }

    /** The portal's decision on a login: {admitted, writ, coverage, until, reason}. */
    Map<String, Object> login(String identity, String account, String from) throws Unreachable {
        var body = Json.write(Map.of("bastion", settings.bastion(), "identity", identity, "account", account,
                "from", from == null ? "" : from, "served", List.copyOf(settings.served())));
        return Json.object(call("/api/v1/bastion/logins", "application/json", body, 200));
    }

    /** Who this bastion lets in now: {at, admissions:[{identity, writ, entitlement, coverage, until}]}. */
    Map<String, Object> admissions() throws Unreachable {
        var query = new StringBuilder("?bastion=").append(encode(settings.bastion()));
        settings.served().forEach(e -> query.append("&served=").append(encode(e)));
        return Json.object(call("GET", "/api/v1/bastion/admissions" + query, "application/json",
                HttpRequest.BodyPublishers.noBody(), 200));
    }

    /** Which of these live sessions must end: [{session, writ, reason}]. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> toEnd(List<Map<String, String>> live) throws Unreachable {
        var answer = Json.object(call("/api/v1/bastion/live", "application/json",
                Json.write(Map.of("sessions", live)), 200));
        return (List<Map<String, Object>>) answer.getOrDefault("end", List.of());
    }

    /** Sends events (NDJSON); the portal's answer {accepted, duplicates, rejected}. */
    Map<String, Object> send(String ndjson) throws Unreachable {
        return Json.object(call("/api/v1/sessions/events", "application/x-ndjson", ndjson, 202));
    }

    /**
     * Sends a session's terminal recording; the portal's answer {session, sha256, bytes, kept}. A portal that does
     * not know the session yet (its events still wait here) answers 404: send it again later.
     */
    Map<String, Object> upload(String session, byte[] asciicast) throws Unreachable {
        var path = "/api/v1/sessions/recording?session=" + encode(session);
        var body = HttpRequest.BodyPublishers.ofByteArray(asciicast);
        return Json.object(call("PUT", path, "application/x-asciicast", body, 200));
    }

    private String call(String path, String type, String body, int expected) throws Unreachable {
        return call("POST", path, type, HttpRequest.BodyPublishers.ofString(body), expected);
    }

    private String call(String method, String path, String type, HttpRequest.BodyPublisher body, int expected)
            throws Unreachable {
        for (int attempt = 1; ; attempt++) {
            var request = HttpRequest.newBuilder(URI.create(settings.writ() + path)).timeout(ANSWER)
                    .header("Content-Type", type).header("Authorization", "Bearer " + token())
                    .method(method, body).build();
            var answer = send(request, "the portal at " + settings.writ());
            if (answer.statusCode() == 401 && attempt == 1) {
                forgetToken();
                continue;
            }
            if (answer.statusCode() != expected) {
                throw new Refused(answer.statusCode(), "the portal answered " + path + " with HTTP "
                        + answer.statusCode() + ": " + abbreviated(answer.body()));
            }
            return answer.body();
        }
    }

    private synchronized void forgetToken() {
        token = null;
        tokenUntil = Instant.EPOCH;
    }

    private synchronized String token() throws Unreachable {
        if (token != null && Instant.now().isBefore(tokenUntil)) {
            return token;
        }
        String secret;
        try {
            secret = Files.readString(settings.secretFile()).strip();
        } catch (IOException e) {
            throw new Unreachable("the agent's client secret could not be read from " + settings.secretFile()
                    + " (" + e + ")");
        }
        var form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(secret);
        var request = HttpRequest.newBuilder(settings.tokenEndpoint()).timeout(ANSWER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        var answer = send(request, "Keycloak at " + settings.tokenEndpoint());
        if (answer.statusCode() != 200) {
            throw new Unreachable("Keycloak refused the agent's credentials (client " + settings.clientId()
                    + ", HTTP " + answer.statusCode() + ": " + abbreviated(answer.body()) + "); was its secret "
                    + "rotated? Put the new one in " + settings.secretFile());
        }
        var fields = Json.object(answer.body());
        token = (String) fields.get("access_token");
        long lifetime = fields.get("expires_in") instanceof Number n ? n.longValue() : 60;
        tokenUntil = Instant.now().plusSeconds(Math.max(5, lifetime - 30));
        return token;
    }

    private HttpResponse<String> send(HttpRequest request, String whom) throws Unreachable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable(whom + " did not answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String s) {
        var line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
