package io.writ.web.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The running portal's API and Keycloak's token and admin endpoints, over plain HTTP, as the benchmark's callers
 * use them. Tokens are cached while they have time left, and fetched afresh when the portal refuses one.
 */
final class Endpoints {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

    final String portal;
    final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> fetched = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, java.util.function.Supplier<String>> fetches = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> pipelines = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    Endpoints(String portal, String keycloak) {
        this.portal = portal;
        this.keycloak = keycloak;
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(portal + path)).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(portal + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Sent without waiting for the answer (a long request whose answer may be lost while its work goes on), over a
     * plain HTTP/1.1 connection of its own: over the shared client's HTTP/2 connection, a request of several minutes
     * was cut off (EOF) after about 30 s while the portal went on working on it (the 50,000 NHI run of 2026-12-07).
     */
    java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String path, String token, String json) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build().sendAsync(HttpRequest.newBuilder(URI.create(portal + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return post(path, token, "application/json", json);
    }

    /**
     * A demo or bench user's token (password = username), from the CLI client: by their refresh token when they
     * signed in before ({@link #signIn}) and that sign-in still holds, by their password otherwise.
     */
    String user(String username) {
        return cached(username, () -> {
            var refresh = refreshTokens.remove(username);
            if (refresh != null) {
                var answer = tokenAnswer("/realms/writ", Map.of("grant_type", "refresh_token", "client_id", "writ-cli",
                        "refresh_token", refresh));
                if (answer.statusCode() == 200) {
                    return accessToken(answer);
                }
            }
            return token("/realms/writ", passwordSignIn(username));
        });
    }

    /** A demo or bench user's sign-in by password (password = username), through the CLI client. */
    private static Map<String, String> passwordSignIn(String username) {
        return Map.of("grant_type", "password", "client_id", "writ-cli", "username", username, "password", username,
                "scope", "openid");
    }

    /**
     * Signs the user in by password now and keeps the refresh token, so that their next token costs Keycloak no
     * password hashing (about 170 ms of a core each with Keycloak's default 210,000 PBKDF2 iterations): a measure
     * whose own sign-ins would compete with what it measures signs its users in first.
     */
    void signIn(String username) {
        var answer = tokenAnswer("/realms/writ", passwordSignIn(username));
        var refresh = REFRESH_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !refresh.find()) {
            throw new IllegalStateException("Keycloak refused " + username + "'s sign-in: " + answer.body());
        }
        refreshTokens.put(username, refresh.group(1));
    }

    /**
     * The token of a writ's requester: a pipeline's by its client credentials when it was made one ({@link
     * #pipeline}), a person's otherwise.
     */
    String caller(String name) {
        var secret = pipelines.get(name);
        return secret != null ? client(name, secret) : user(name);
    }

    /** Says that this client is a pipeline, which asks for its tokens with its own credentials. */
    void pipeline(String clientId, String secret) {
        pipelines.put(clientId, secret);
    }

    String client(String clientId, String secret) {
        return cached("client:" + clientId, () -> token("/realms/writ", Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** The Keycloak master administrator's token, for the admin API (the dev setup's admin/admin). */
    String master() {
        return cached("master", () -> token("/realms/master", Map.of("grant_type", "password", "client_id",
                "admin-cli", "username", "admin", "password", "admin")));
    }

    HttpResponse<String> admin(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/writ" + path))
                .header("Authorization", "Bearer " + master()).header("Content-Type", "application/json");
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * A token reused while it has time left (the demo realm's live 60 s); one the portal refuses (issued before a
     * revocation of its user's access) is fetched afresh by {@link #send}, as a client does.
     */
    private String cached(String key, java.util.function.Supplier<String> fetch) {
        synchronized (lockOf(key)) {
            var at = fetched.get(key);
            if (at == null || at.isBefore(Instant.now().minusSeconds(40))) {
                refetch(key, fetch);
            }
            return tokens.get(key);
        }
    }

    /** One caller fetches a key's token at a time; callers of other keys do not wait for it. */
    private Object lockOf(String key) {
        return fetching.computeIfAbsent(key, k -> new Object());
    }

    private void refetch(String key, java.util.function.Supplier<String> fetch) {
        var token = fetch.get();
        owners.put(token, key);
        fetches.put(key, fetch);
        tokens.put(key, token);
        fetched.put(key, Instant.now());
    }

    private String token(String realm, Map<String, String> form) {
        return accessToken(tokenAnswer(realm, form));
    }

    private HttpResponse<String> tokenAnswer(String realm, Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(keycloak + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String accessToken(HttpResponse<String> answer) {
        var matcher = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("Keycloak refused a token: " + answer.statusCode() + " " + answer.body());
        }
        return matcher.group(1);
    }

    HttpResponse<String> send(HttpRequest request) {
        var answer = sendOnce(request);
        var bearer = request.headers().firstValue("Authorization").map(h -> h.replaceFirst("^Bearer ", ""));
        var key = bearer.map(owners::get).orElse(null);
        if (answer.statusCode() != 401 || key == null) {
            return answer;
        }
        synchronized (lockOf(key)) {
            if (bearer.get().equals(tokens.get(key))) {
                refetch(key, fetches.get(key));
            }
        }
        return sendOnce(HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + tokens.get(key)).build());
    }

    private HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
