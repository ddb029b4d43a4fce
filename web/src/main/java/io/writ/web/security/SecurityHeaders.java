package io.writ.web.security;

import io.writ.workflow.keycloak.KeycloakSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;

/**
 * The headers every answer of the portal carries, so that a page of a privileged-access portal cannot be framed
 * (clickjacking an approval), run a script it did not ship, or hand its addresses to another site.
 * <p>
 * The Content Security Policy allows, beside the portal's own origin ({@code 'self'}):
 * <ul>
 * <li>scripts: PrimeFaces' inline widget scripts and event handlers by the nonce PrimeFaces puts on each page
 * ({@code primefaces.CSP} in web.xml appends {@code 'nonce-…'} to this policy; no {@code 'unsafe-inline'}), and
 * {@code 'wasm-unsafe-eval'}: the replay player's terminal emulator is WebAssembly compiled from bytes inside
 * asciinema-player's own script (it allows compiling WebAssembly, not evaluating JavaScript);</li>
 * <li>styles: {@code 'unsafe-inline'}, because PrimeFaces, Chart.js and bpmn-js set style attributes in markup and
 * SVG (a style cannot run code);</li>
 * <li>images and fonts: {@code data:} URIs, which the PrimeFaces theme and bpmn-js's stylesheet embed;</li>
 * <li>forms: Keycloak's origin, because Chromium applies {@code form-action} to the redirects after a form post, and
 * signing out (and a form sent after the session ended) is redirected to Keycloak.</li>
 * </ul>
 * Everything else (plugins, other origins, {@code <base>}, being framed) is refused.
 */
@ApplicationScoped
@Named("securityHeaders")
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    @Inject
    KeycloakSettings keycloak;

    private String contentSecurityPolicy;

    @PostConstruct
    void compose() {
        contentSecurityPolicy = contentSecurityPolicy(keycloak.url());
    }

    /**
     * The policy, ending with its {@code script-src} directive: PrimeFaces appends the page's nonce to it (web.xml's
     * {@code primefaces.CSP_POLICY} names this property).
     */
    public String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /** Sets the headers on an answer not yet committed; a page's policy with its nonce replaces this one later. */
    public void addTo(HttpServletResponse response) {
        response.setHeader(CONTENT_SECURITY_POLICY, contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // The pages' addresses name writs and tickets of privileged access, and no other site needs to know them.
        response.setHeader("Referrer-Policy", "no-referrer");
        // For browsers that do not know frame-ancestors.
        response.setHeader("X-Frame-Options", "DENY");
    }

    static String contentSecurityPolicy(String keycloakUrl) {
        return "default-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "frame-ancestors 'none'; "
                + "form-action 'self' " + origin(keycloakUrl) + "; "
                + "script-src 'self' 'wasm-unsafe-eval'";
    }

    /** A source expression takes an origin; Keycloak's URL may carry a path (an older {@code /auth}). */
    private static String origin(String url) {
        var uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
