package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's own hardening as a browser and an API client meet it: every page of every role, and every kind of
 * answer before a page (the sign-in redirect, the login callback, the API's 200, 401 and 403), carries the Content
 * Security Policy, nosniff, no referrer and no framing; the pages work under the policy (Chromium refuses nothing on
 * them: {@link Person#close()}); the session cookie is SameSite=Lax as Chromium keeps it.
 */
@ExtendWith(TestPortal.class)
class SecurityHeadersIT {

    /** One person of each portal role. */
    private static final List<String> ONE_OF_EACH_ROLE = List.of("alice", "bob", "dave", "erin", "admin");
    private static final Pattern PAGE_SCRIPTS = Pattern.compile("script-src 'self' 'wasm-unsafe-eval' 'nonce-[^' ]+'");

    @Test
    void everyPageOfEveryRoleCarriesTheHeadersAndWorksUnderThePolicy() {
        // A writ that stays pending (two approvals), so that its page is among alice's and nothing is granted.
        var writ = submitted(token("alice"), "prod-db-admin", openTicket(), 15);
        try {
            for (var user : ONE_OF_EACH_ROLE) {
                try (var person = Person.signIn(user)) {
                    assertThat(person.browser.manage().getCookieNamed("JSESSIONID").getSameSite())
                            .as("%s's session cookie", user).isEqualToIgnoringCase("Lax");
                    var pages = new ArrayList<>(List.of("/"));
                    person.browser.findElements(By.cssSelector("a[id^='nav-']")).stream()
                            .map(link -> link.getAttribute("href").substring(TestEnvironment.portalUrl().length()))
                            .forEach(pages::add);
                    if (user.equals("alice")) {
                        pages.add("/writ.xhtml?id=" + writ);
                    }
                    assertThat(pages).as("%s's pages", user).hasSizeGreaterThan(2);
                    for (var page : pages) {
                        person.open(page, By.id("signed-in-user"));
                        var headers = headersInChromium(person, page);
                        assertHardened(page + " for " + user, headers);
                        assertThat(headers.get("content-security-policy")).as(page).containsPattern(PAGE_SCRIPTS);
                    }
                }
            }
        } finally {
            assertThat(Http.post("/api/v1/requests/" + writ + "/cancel", token("alice"), "").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aPageARoleMayNotSeeIsStillTheHtmlRefusalUnderThePolicy() {
        try (var alice = Person.signIn("alice")) {
            assertThat(alice.open("/alerts.xhtml", By.id("forbidden")).getText()).contains("403");
            var headers = headersInChromium(alice, "/alerts.xhtml");
            assertHardened("the 403 page", headers);
            assertThat(headers.get("content-type")).startsWith("text/html");
        }
    }

    @Test
    void answersBeforeAnyPageCarryTheHeadersToo() {
        var signIn = Http.get("/");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertHardened("the redirect to the sign-in", first(signIn));
        assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));

        var callback = Http.get("/callback");
        assertThat(callback.statusCode()).isEqualTo(302);
        assertHardened("the login callback's redirect", first(callback));

        var catalogue = Http.get("/api/v1/entitlements", token("alice"));
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertHardened("an API answer", first(catalogue));
        assertHardened("an API 401", first(Http.get("/api/v1/entitlements")));
        assertHardened("an API 403", first(Http.get("/api/v1/entitlements",
                KeycloakTokens.forClient("session-ingest", "session-ingest-secret"))));
    }

    @Test
    void aScriptThePortalDidNotShipIsRefusedAndChromiumSaysSo() {
        // Proves the watch the browser tests rely on: an injected inline script does not run, and is reported.
        try (var alice = Person.signIn("alice")) {
            var browser = (JavascriptExecutor) alice.browser;
            browser.executeScript("var s = document.createElement('script'); s.textContent = 'window.injected = 1;';"
                    + " document.head.appendChild(s);");

            assertThat(browser.executeScript("return window.injected === undefined;")).isEqualTo(true);
            assertThat(alice.cspViolations()).singleElement().asString().contains("inline script")
                    .contains("Content Security Policy directive").contains("script-src");
        }
    }

    private static void assertHardened(String what, Map<String, String> headers) {
        assertThat(headers).as(what)
                .containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer")
                .containsEntry("x-frame-options", "DENY");
        assertThat(headers.get("content-security-policy")).as(what + ": Content-Security-Policy")
                .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'",
                        "form-action 'self' " + TestEnvironment.KEYCLOAK_URL + ";")
                .doesNotContain("'unsafe-eval'")
                .doesNotContainPattern("script-src[^;]*'unsafe-inline'");
    }

    /** The headers of the page as the signed-in Chromium receives them (fetched from the page, same origin). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> headersInChromium(Person person, String page) {
        return (Map<String, String>) ((JavascriptExecutor) person.browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) {"
                        + " var h = {}; r.headers.forEach(function (v, k) { h[k] = v; }); done(h); });", page);
    }

    /** Each header's first value, by its name in lower case, as a browser reads them. */
    private static Map<String, String> first(HttpResponse<String> response) {
        var headers = new java.util.HashMap<String, String>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        return headers;
    }
}
