package io.writ.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs out of the portal (the HTTP session holding the login is invalidated) and ends the Keycloak session too (RP-initiated logout), so the next visit asks for the
 * password again instead of silently signing back in. POST only: a link or image cannot log someone out.
 */
@WebServlet("/logout")
public class Logout extends HttpServlet {

    @Inject
    OidcSettings oidc;

    @Inject
    OpenIdContext openId;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String idToken = idTokenOrNull();
        // The login lives in the HTTP session; request.logout() is not used because the OpenID mechanism answers
        // it with a redirect of its own, and this servlet must send the browser to Keycloak's end-session page.
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        var home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        var endSession = oidc.endSessionUri()
                + "?client_id=" + encode(oidc.getClientId())
                + "&post_logout_redirect_uri=" + encode(home)
                + (idToken == null ? "" : "&id_token_hint=" + encode(idToken));
        response.sendRedirect(endSession);
    }

    private String idTokenOrNull() {
        try {
            return openId.getIdentityToken().getToken();
        } catch (RuntimeException notSignedInThroughOidc) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
