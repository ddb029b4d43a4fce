package io.writ.web.security;

import io.writ.web.Problem;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * Jakarta Security allows one authentication mechanism per application, and ours is the OpenID Connect login for
 * pages. This decorator puts bearer tokens in front of it: a request with {@code Authorization: Bearer} is
 * verified here and never redirected; an API request without a valid token gets 401; everything else goes to the
 * login, and a page's ajax click that finds no session is sent to the login as a full navigation
 * ({@link AjaxLoginRedirect}).
 * <p>
 * Every request passes here before any filter, and some are answered here (the 401s, the redirect to the login):
 * the {@link SecurityHeaders} are set first. A 401 is problem details ({@link Problem}) with its
 * {@code WWW-Authenticate} challenge, not the container's HTML error page.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class BearerTokenAuthentication implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(BearerTokenAuthentication.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism login;

    @Inject
    TokenVerifier verifier;

    @Inject
    SecurityHeaders headers;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        headers.addTo(response);
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                var caller = verifier.verify(header.substring(BEARER.length()).trim());
                request.setAttribute(Caller.class.getName(), caller); // for SignedIn: verified once per request
                return context.notifyContainerAboutLogin(caller.name(), caller.roles());
            } catch (InvalidToken e) {
                LOG.fine(e::getMessage);
                return unauthorized(response, "the bearer token was refused: it is expired, forged, not for "
                        + "this portal, or older than a revocation of its holder's access",
                        "Bearer realm=\"writ\", error=\"invalid_token\"");
            }
        }
        if (isApi(request)) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            return unauthorized(response, "this call needs a bearer token from the realm's Keycloak",
                    "Bearer realm=\"writ\"");
        }
        var signedIn = SessionCaller.of(request);
        if (signedIn.isPresent()) {
            // the session's caller and roles named to the container, not restored by it (see SessionCaller)
            return context.notifyContainerAboutLogin(signedIn.get().name(), signedIn.get().roles());
        }
        if (AjaxLoginRedirect.isFacesAjax(request)) {
            var ajax = AjaxLoginRedirect.around(context);
            return login.validateRequest(request, ajax.getResponse(), ajax);
        }
        return login.validateRequest(request, response, context);
    }

    /** The 401 written here, where {@code context.responseUnauthorized()} would send the HTML error page. */
    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail, String challenge)
            throws AuthenticationException {
        try {
            Problem.of(HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail)
                    .header("WWW-Authenticate", challenge)
                    .send(response);
        } catch (IOException e) {
            throw new AuthenticationException("cannot answer 401", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
