package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Fetches real tokens from the test Keycloak, the way a script or pipeline would. */
final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakTokens() {
    }

    /** A user's token through the public CLI client (password grant); also opens a Keycloak session for them. */
    static String forUser(String username, String password) {
        return field(token(passwordGrant(username, password)), "access_token");
    }

    /** A user's refresh token from a password login, which opens a Keycloak session for them. */
    static String refreshTokenForUser(String username, String password) {
        return field(token(passwordGrant(username, password)), "refresh_token");
    }

    /** A password login's access and refresh token (one Keycloak session). */
    record Login(String accessToken, String refreshToken) {
    }

    static Login login(String username, String password) {
        var answer = token(passwordGrant(username, password));
        return new Login(field(answer, "access_token"), field(answer, "refresh_token"));
    }

    /**
     * Whether Keycloak's introspection calls the access token active, asked as the portal's confidential client (as a
     * service that validates tokens online does).
     */
    static boolean introspectsActive(String accessToken) {
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL
                        + "/realms/writ/protocol/openid-connect/token/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=writ-portal&client_secret=writ-portal-secret"
                        + "&token=" + URLEncoder.encode(accessToken, StandardCharsets.UTF_8)))
                .build();
        try {
            var answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak's introspection answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            return answer.body().replace(" ", "").contains("\"active\":true");
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + TestEnvironment.KEYCLOAK_URL + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** When the access token was issued (its iat claim, whole seconds). */
    static java.time.Instant issuedAt(String accessToken) {
        var payload = new String(java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        var matcher = Pattern.compile("\"iat\"\\s*:\\s*(\\d+)").matcher(payload);
        if (!matcher.find()) {
            throw new IllegalStateException("no iat in " + payload);
        }
        return java.time.Instant.ofEpochSecond(Long.parseLong(matcher.group(1)));
    }

    /** Whether Keycloak still exchanges the refresh token for a new access token (not once the session ended). */
    static boolean refreshes(String refreshToken) {
        var form = Map.of("grant_type", "refresh_token", "client_id", "writ-cli", "refresh_token", refreshToken);
        return send(form).statusCode() == 200;
    }

    /** A confidential client's own token (client credentials), as an NHI or the session ingester gets it. */
    static String forClient(String clientId, String secret) {
        return field(token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)), "access_token");
    }

    private static Map<String, String> passwordGrant(String username, String password) {
        return Map.of("grant_type", "password", "client_id", "writ-cli", "username", username, "password", password);
    }

    private static String token(Map<String, String> form) {
        var response = send(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + form.get("grant_type") + " for "
                    + form.getOrDefault("username", form.get("client_id")) + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String answer, String name) {
        var matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(answer);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in Keycloak's answer: " + answer);
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(Map<String, String> form) {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(
                        TestEnvironment.KEYCLOAK_URL + "/realms/writ/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + TestEnvironment.KEYCLOAK_URL + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
