package io.writ.web.security;

import io.writ.domain.stepup.StepUp;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The pages' step-up (RFC 9470 in a browser): {@code /step-up} sends the signed-in person to Keycloak's
 * authorization endpoint asking for the second-factor level ({@code acr_values=mfa}) and a sign-in at most as old
 * as the entitlement allows ({@code max_age}); Keycloak asks for the one-time code (and the password too when the
 * sign-in is older than that). {@code /step-up/done} takes Keycloak's answer: the state must be this session's, the
 * code is exchanged for tokens, the ID token's signature, issuer, audience and nonce are checked, and it must name the
 * person already signed in here. Then its {@code acr} and {@code auth_time} are this session's strong sign-in, and the
 * person is back on the page they left, with their input.
 */
@WebServlet({StepUpLogin.START, StepUpLogin.DONE})
public class StepUpLogin extends HttpServlet {

    static final String START = "/step-up";
    static final String DONE = "/step-up/done";
    private static final Logger LOG = Logger.getLogger(StepUpLogin.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    OidcSettings oidc;

    @Inject
    TokenVerifier verifier;

    @Inject
    StepUpJourney journey;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals(START)) {
            response.sendRedirect(authorization(request));
            return;
        }
        var back = request.getContextPath() + done(request);
        response.sendRedirect(back);
    }

    private String authorization(HttpServletRequest request) {
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", oidc.getClientId());
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", redirectUri(request));
        params.put("state", journey.begin());
        params.put("nonce", journey.nonce());
        params.put("acr_values", StepUp.STRONG_ACR);
        params.put("max_age", String.valueOf(journey.maxAgeSeconds()));
        params.put("login_hint", request.getUserPrincipal().getName());
        return oidc.getProviderUri() + "/protocol/openid-connect/auth?" + form(params);
    }

    /** Where the person goes now: the page they left, signed in strongly when everything checked out. */
    private String done(HttpServletRequest request) {
        if (!journey.answers(request.getParameter("state")) || request.getParameter("code") == null) {
            LOG.warning(() -> "step-up of " + request.getUserPrincipal().getName() + " not completed: "
                    + (request.getParameter("error") != null ? request.getParameter("error") : "state or code wrong"));
            return journey.abandon();
        }
        try {
            var claims = verifier.idTokenClaims(idToken(request));
            var person = request.getUserPrincipal().getName();
            if (!journey.nonce().equals(claims.getStringClaim("nonce"))
                    || !person.equals(claims.getStringClaim("preferred_username"))) {
                LOG.warning(() -> "step-up refused: the ID token is not for " + person + " in this session");
                return journey.abandon();
            }
            return journey.finish(TokenVerifier.signIn(claims));
        } catch (InvalidToken | ParseException | IOException e) {
            LOG.warning(() -> "step-up failed: " + e.getMessage());
            return journey.abandon();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return journey.abandon();
        }
    }

    private String idToken(HttpServletRequest request) throws IOException, InterruptedException {
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(oidc.getProviderUri()
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", request.getParameter("code"), "redirect_uri", redirectUri(request),
                        "client_id", oidc.getClientId(), "client_secret", oidc.getClientSecret()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("Keycloak answered the code exchange with " + answer.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject().getString("id_token");
        }
    }

    private static String redirectUri(HttpServletRequest request) {
        var url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + DONE;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
