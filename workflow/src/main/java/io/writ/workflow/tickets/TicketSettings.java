package io.writ.workflow.tickets;

import io.writ.domain.ticket.TicketInvolvement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which ticket system backs writs and how it is read ({@code WRIT_TICKETS_*}, printed by
 * {@code scripts/ticket-system.sh start}): {@code registry} (the built-in registry, the default, into which a
 * ticket system may also push tickets through the signed webhook) or {@code request-tracker} (Request Tracker 5's
 * REST 2.0 API). The password and the webhook's secret are secrets.
 */
@ApplicationScoped
public class TicketSettings {

    public static final String REGISTRY = "registry";
    public static final String REQUEST_TRACKER = "request-tracker";

    @Inject
    @ConfigProperty(name = "writ.tickets.system", defaultValue = REGISTRY)
    String system;

    @Inject
    @ConfigProperty(name = "writ.tickets.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "writ.tickets.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "writ.tickets.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "writ.tickets.change-queue", defaultValue = "Changes")
    String changeQueue;

    @Inject
    @ConfigProperty(name = "writ.tickets.incident-queue", defaultValue = "Incidents")
    String incidentQueue;

    /** The system's states in which work may go on; any other state is closed (fail closed). */
    @Inject
    @ConfigProperty(name = "writ.tickets.open-states", defaultValue = "new,open,stalled")
    String openStates;

    @Inject
    @ConfigProperty(name = "writ.tickets.involvement", defaultValue = "involved")
    String involvement;

    @Inject
    @ConfigProperty(name = "writ.tickets.poll-seconds", defaultValue = "30")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "writ.tickets.webhook-secret")
    Optional<String> webhookSecret;

    /** {@code refuse} (the default): new requests wait while the system is away; {@code accept}: taken unchecked. */
    @Inject
    @ConfigProperty(name = "writ.tickets.when-unreachable", defaultValue = "refuse")
    String whenUnreachable;

    @Inject
    @ConfigProperty(name = "writ.tickets.timeout-seconds", defaultValue = "5")
    int timeoutSeconds;

    public String system() {
        var name = system.strip().toLowerCase(Locale.ROOT);
        if (!name.equals(REGISTRY) && !name.equals(REQUEST_TRACKER)) {
            throw new IllegalStateException("writ.tickets.system is " + REGISTRY + " or " + REQUEST_TRACKER + ", not '"
                    + system + "'");
        }
        return name;
    }

    public String url() {
        return url.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""))
                .orElseThrow(() -> new IllegalStateException("writ.tickets.url is required for " + system));
    }

    String user() { return user.orElse(""); }
    String password() { return password.orElse(""); }
    String changeQueue() { return changeQueue; }
    String incidentQueue() { return incidentQueue; }

    public Set<String> openStates() {
        return Arrays.stream(openStates.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public TicketInvolvement involvement() { return TicketInvolvement.parse(involvement); }
    public int pollSeconds() { return Math.max(1, pollSeconds); }
    public Optional<String> webhookSecret() { return webhookSecret.filter(s -> !s.isEmpty()); }
    public boolean refuseWhenUnreachable() { return !"accept".equalsIgnoreCase(whenUnreachable.strip()); }
    int timeoutSeconds() { return Math.max(1, timeoutSeconds); }
}
