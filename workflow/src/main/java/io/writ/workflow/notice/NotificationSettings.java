package io.writ.workflow.notice;

import io.writ.domain.notice.Backoff;
import io.writ.domain.notice.NoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/** How notices are paced and where their links point; every value has a default and an environment variable. */
@ApplicationScoped
public class NotificationSettings {

    /** How often the courier looks for notices to deliver and windows about to end. */
    @Inject
    @ConfigProperty(name = "writ.notifications.every-millis", defaultValue = "2000")
    long everyMillis;

    /** The wait after the first failed delivery; doubled after each further failure. */
    @Inject
    @ConfigProperty(name = "writ.notifications.retry-first", defaultValue = "PT5S")
    String retryFirst;

    /** The longest wait between two attempts: a notice is never given up. */
    @Inject
    @ConfigProperty(name = "writ.notifications.retry-longest", defaultValue = "PT5M")
    String retryLongest;

    /** How long before a window ends its requester is warned. */
    @Inject
    @ConfigProperty(name = "writ.notifications.expiry-warning", defaultValue = "PT10M")
    String expiryWarning;

    /** The portal's address as its users reach it, for the links in mails and webhook posts. */
    @Inject
    @ConfigProperty(name = "writ.portal.url")
    Optional<String> portalUrl;

    /** The portal's port (./run.sh sets it), for the default address. */
    @Inject
    @ConfigProperty(name = "writ.port", defaultValue = "8080")
    String port;

    public long everyMillis() {
        return Math.max(100, everyMillis);
    }

    public Backoff backoff() {
        return new Backoff(Duration.parse(retryFirst), Duration.parse(retryLongest));
    }

    public Duration expiryWarning() {
        return Duration.parse(expiryWarning);
    }

    public String portalUrl() {
        var url = portalUrl.filter(u -> !u.isBlank()).orElse("http://localhost:" + port);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where the reader of a notice acts on it: the approval inbox when asked to decide, else their writs. */
    public String linkFor(NoticeKind kind) {
        return portalUrl() + (kind.aboutReview() ? "/reviews.xhtml"
                : kind.asksForDecision() ? "/inbox.xhtml" : "/writs.xhtml");
    }
}
