package io.writ.workflow.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The SMTP server notices are mailed through. Without a host, mail is off and people are told in the portal only.
 * Set by environment, for example {@code WRIT_MAIL_HOST}, {@code WRIT_MAIL_PASSWORD}.
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "writ.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "writ.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "writ.mail.from", defaultValue = "writ@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "writ.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "writ.mail.password")
    Optional<String> password;

    /** Upgrade the connection with STARTTLS, and refuse to send without it. */
    @Inject
    @ConfigProperty(name = "writ.mail.starttls", defaultValue = "false")
    boolean starttls;

    /** How long to wait for the server to connect or answer; a server that hangs must not stall delivery. */
    @Inject
    @ConfigProperty(name = "writ.mail.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    Optional<String> host() { return host.filter(h -> !h.isBlank()); }
    int port() { return port; }
    String from() { return from; }
    Optional<String> username() { return username.filter(u -> !u.isBlank()); }
    String password() { return password.orElse(""); }
    boolean starttls() { return starttls; }
    int timeoutMillis() { return Math.max(1, timeoutSeconds) * 1000; }
}
