package io.writ.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer the filter hands on: one Content Security Policy (the page's, with its nonce), same-site cookies. */
class SecurityHeadersFilterTest {

    private final List<String> calls = new ArrayList<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private final HttpServletResponse hardened = new SecurityHeadersFilter.Hardened((HttpServletResponse)
            Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("addCookie")) {
                            cookies.add((Cookie) args[0]);
                        } else {
                            calls.add(method.getName() + " " + args[0] + ": " + args[1]);
                        }
                        return null;
                    }));

    @Test
    void thePagesPolicyReplacesTheOneSetForEveryAnswer() {
        hardened.addHeader("Content-Security-Policy", "script-src 'self' 'nonce-abc';");
        hardened.addHeader("Vary", "Accept");

        assertThat(calls).containsExactly("setHeader Content-Security-Policy: script-src 'self' 'nonce-abc';",
                "addHeader Vary: Accept");
    }

    @Test
    void aCookieOfThePortalIsLaxUnlessItSaysOtherwise() {
        var flash = new Cookie("csfcfc", "1_1");
        var strict = new Cookie("chosen", "x");
        strict.setAttribute("SameSite", "Strict");

        hardened.addCookie(flash);
        hardened.addCookie(strict);

        assertThat(cookies).extracting(cookie -> cookie.getAttribute("SameSite")).containsExactly("Lax", "Strict");
    }
}
