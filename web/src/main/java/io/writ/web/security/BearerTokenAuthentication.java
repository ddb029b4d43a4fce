package io.writ.web.security;

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

import java.util.logging.Logger;

/**
 * Jakarta Security allows one authentication mechanism per application, and ours is the OpenID Connect login for
 * pages. This decorator puts bearer tokens in front of it: a request with {@code Authorization: Bearer} is
 * verified here and never redirected; an API request without a valid token gets 401; everything else goes to the
 * login, and a page's ajax click that finds no session is sent to the login as a full navigation
 * ({@link AjaxLoginRedirect}).
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

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                var caller = verifier.verify(header.substring(BEARER.length()).trim());
                return context.notifyContainerAboutLogin(caller.name(), caller.roles());
            } catch (InvalidToken e) {
                LOG.fine(e::getMessage);
                response.setHeader("WWW-Authenticate", "Bearer realm=\"writ\", error=\"invalid_token\"");
                return context.responseUnauthorized();
            }
        }
        if (isApi(request)) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            response.setHeader("WWW-Authenticate", "Bearer realm=\"writ\"");
            return context.responseUnauthorized();
        }
        if (AjaxLoginRedirect.isFacesAjax(request)) {
            var ajax = AjaxLoginRedirect.around(context);
            return login.validateRequest(request, ajax.getResponse(), ajax);
        }
        return login.validateRequest(request, response, context);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
