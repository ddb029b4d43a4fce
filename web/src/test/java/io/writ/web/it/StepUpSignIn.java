package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A token with a second factor, got as RFC 9470 tells a client to: the authorization code flow of the public CLI
 * client (with PKCE) asking Keycloak for {@code acr_values=mfa} and a {@code max_age}, through Keycloak's real sign-in
 * pages (password form, then the one-time code form), as {@code scripts/step-up-token.sh} does for a person at a
 * terminal. The browser's part is played over HTTP: cookies kept, each form posted where it says.
 */
final class StepUpSignIn {

    static final String REDIRECT_URI = "http://127.0.0.1:8765/step-up";
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** What Keycloak asked for on the way, and the access token it issued. */
    record Result(String accessToken, boolean askedForPassword, boolean askedForCode) {
    }

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Alone, with no Keycloak session: the password and the code are both asked. */
    static Result signIn(String username, long maxAgeSeconds) {
        return new StepUpSignIn().run(username, maxAgeSeconds);
    }

    /** The access token of a sign-in with the person's password and a fresh one-time code. */
    static String token(String username) {
        return signIn(username, 600).accessToken();
    }

    private boolean askedForPassword;
    private boolean askedForCode;

    Result run(String username, long maxAgeSeconds) {
        var verifier = HexFormat.of().formatHex(random(32));
        var query = form(Map.of("client_id", "writ-cli", "response_type", "code", "scope", "openid",
                "redirect_uri", REDIRECT_URI, "acr_values", "mfa", "max_age", String.valueOf(maxAgeSeconds),
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        var location = browse(username, TestEnvironment.KEYCLOAK_URL + "/realms/writ/protocol/openid-connect/auth?"
                + query);
        var code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("Keycloak sent the browser to " + location);
        }
        var token = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL
                        + "/realms/writ/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", "writ-cli", "redirect_uri", REDIRECT_URI, "code_verifier", verifier,
                        "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8))))));
        var accessToken = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        if (token.statusCode() != 200 || !accessToken.find()) {
            throw new IllegalStateException("Keycloak refused the code: " + token.body());
        }
        return new Result(accessToken.group(1), askedForPassword, askedForCode);
    }

    /**
     * Plays the browser from Keycloak's authorization address through its forms (password, one-time code) to the
     * address Keycloak sends it back to, which is returned (not followed).
     */
    String browse(String username, String authorization) {
        var response = send(HttpRequest.newBuilder(URI.create(authorization)).GET());
        for (int page = 0; page < 4 && response.statusCode() == 200; page++) {
            var body = response.body();
            Map<String, String> fields;
            if (body.contains("name=\"password\"")) {
                askedForPassword = true;
                fields = Map.of("username", username, "password", username);
            } else if (body.contains("name=\"otp\"")) {
                askedForCode = true;
                fields = Map.of("otp", DemoTotp.freshCode(username));
            } else {
                throw new IllegalStateException("Keycloak showed neither its password nor its code form: " + body);
            }
            var action = ACTION.matcher(body);
            if (!action.find()) {
                throw new IllegalStateException("no form on Keycloak's page: " + body);
            }
            response = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        }
        var last = response;
        var location = last.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Keycloak did not send the browser back: " + last.statusCode() + " " + last.body()));
        if (!location.startsWith(REDIRECT_URI)) {
            throw new IllegalStateException("Keycloak sent the browser to " + location);
        }
        return location;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (var header : response.headers().allValues("Set-Cookie")) {
                var pair = header.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0].trim(), pair.length > 1 ? pair[1] : "");
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + TestEnvironment.KEYCLOAK_URL + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int bytes) {
        var random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return random;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
