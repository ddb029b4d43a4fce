package io.writ.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Puts the {@link SecurityHeaders} on every answer that reaches the portal's servlets: pages, resources, the API,
 * downloads, the login callback, and again on error pages (whatever answered first may have reset the headers). The
 * answers the login gives itself, before any filter (a 401, the redirect to Keycloak), get them from
 * {@link BearerTokenAuthentication}.
 * <p>
 * PrimeFaces adds its own policy to a page, the same one with the page's nonce: it replaces the one set here, as
 * two policies would both apply and this one, without the nonce, would refuse the page's scripts.
 * <p>
 * The cookies the portal sets through the servlets (Faces' flash cookie, which carries a page's messages across a
 * redirect) are {@code SameSite=Lax} like the session cookie (glassfish-web.xml), unless they say otherwise.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeadersFilter extends HttpFilter {

    private static final String SAME_SITE = "SameSite";

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.addTo(response);
        chain.doFilter(request, new Hardened(response));
    }

    /**
     * The answer, on which a second Content-Security-Policy replaces the first instead of joining it, and whose
     * cookies are same-site.
     */
    static final class Hardened extends HttpServletResponseWrapper {

        Hardened(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (cookie.getAttribute(SAME_SITE) == null) {
                cookie.setAttribute(SAME_SITE, "Lax");
            }
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            if (SecurityHeaders.CONTENT_SECURITY_POLICY.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
