package io.writ.web.security;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's Content Security Policy: its own origin only, inline scripts by PrimeFaces' nonce alone, and forms
 * (with the redirects after them) to the portal and to Keycloak's origin.
 */
class SecurityHeadersTest {

    @Test
    void formsMayGoToTheConfiguredKeycloakOriginAndNowhereElse() {
        var policy = directives(SecurityHeaders.contentSecurityPolicy("https://sso.example.com:8443/auth"));

        assertThat(policy.get("form-action")).isEqualTo("'self' https://sso.example.com:8443");
        assertThat(directives(SecurityHeaders.contentSecurityPolicy("http://localhost:8180")).get("form-action"))
                .isEqualTo("'self' http://localhost:8180");
    }

    @Test
    void scriptsComeFromThePortalOnlyAndNeverInlineWithoutTheNonce() {
        var text = SecurityHeaders.contentSecurityPolicy("http://localhost:8180");
        var policy = directives(text);

        assertThat(policy.get("script-src")).isEqualTo("'self' 'wasm-unsafe-eval'");
        assertThat(text).as("PrimeFaces appends the page's nonce to the last directive").endsWith(
                "script-src 'self' 'wasm-unsafe-eval'");
        assertThat(policy.get("default-src")).isEqualTo("'self'");
        assertThat(policy.get("object-src")).isEqualTo("'none'");
        assertThat(policy.get("base-uri")).isEqualTo("'self'");
        assertThat(policy.get("frame-ancestors")).isEqualTo("'none'");
        assertThat(policy.get("connect-src")).isEqualTo("'self'");
        assertThat(policy.values()).noneMatch(sources -> sources.contains("'unsafe-eval'") || sources.contains("*"));
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim)
                .collect(Collectors.toMap(d -> d.substring(0, d.indexOf(' ')), d -> d.substring(d.indexOf(' ') + 1)));
    }
}
