package io.writ.workflow.tickets;

import io.writ.domain.ticket.TicketComments;
import io.writ.domain.ticket.TicketState;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.ticket.TicketSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The ticket system the settings name ({@link TicketSettings}): the built-in registry or Request Tracker. When the
 * system cannot be asked, a ticket's state is UNREACHABLE and new requests are refused (or, configured to accept,
 * taken with the ticket unchecked, which the writ says); writs already active are left alone. What was last heard
 * from the system is kept for the health check and the admin page.
 */
@ApplicationScoped
public class ConfiguredTicketSystem implements TicketSystem, TicketComments {

    private static final Logger LOG = Logger.getLogger(ConfiguredTicketSystem.class.getName());

    @Inject
    TicketSettings settings;

    @Inject
    RegisteredTickets registry;

    @Inject
    RequestTrackerTickets requestTracker;

    Clock clock = Clock.systemUTC();

    private final AtomicReference<Reachability> last = new AtomicReference<>(new Reachability(true, null, null));

    @Override
    public TicketStatus check(String ref) {
        if (!external()) {
            return registry.check(ref);
        }
        try {
            var status = requestTracker.check(ref);
            heard(null);
            return status;
        } catch (RequestTrackerTickets.Unreachable e) {
            heard(e.getMessage());
            var unreachable = TicketStatus.unreachable(ref, e.getMessage());
            return settings.refuseWhenUnreachable() ? unreachable
                    : new TicketStatus(TicketState.OPEN, "ticket " + ref + " not checked (" + e.getMessage()
                    + "): taken unchecked, as writ.tickets.when-unreachable=accept says");
        }
    }

    @Override
    public boolean isOn() {
        return external();
    }

    @Override
    public void comment(String ticketRef, String text) {
        requestTracker.comment(ticketRef, text);
    }

    /** Asks the system now whether it answers (the health check); the registry always does. */
    public Reachability probe() {
        if (external()) {
            try {
                requestTracker.verifyReachable();
                heard(null);
            } catch (RequestTrackerTickets.Unreachable e) {
                heard(e.getMessage());
            }
        }
        return last.get();
    }

    /** The system's name and where it is, for people. */
    public String describe() {
        return external() ? "Request Tracker at " + settings.url() : "the built-in registry";
    }

    public boolean external() {
        return TicketSettings.REQUEST_TRACKER.equals(settings.system());
    }

    public boolean refusesWhenUnreachable() {
        return settings.refuseWhenUnreachable();
    }

    private void heard(String problem) {
        var now = clock.instant();
        var before = last.getAndSet(problem == null ? new Reachability(true, now, null)
                : new Reachability(false, last.get().lastAnsweredAt().orElse(null), problem));
        if (before.reachable() && problem != null) {
            LOG.warning(() -> "The ticket system cannot be asked: " + problem
                    + (settings.refuseWhenUnreachable() ? "; new requests are refused until it is back" : ""));
        } else if (!before.reachable() && problem == null) {
            LOG.info("The ticket system answers again");
        }
    }

    /** Whether the system answered when last asked, when it last did, and what went wrong if it did not. */
    public record Reachability(boolean reachable, Instant answeredAt, String problem) {
        public Optional<Instant> lastAnsweredAt() { return Optional.ofNullable(answeredAt); }
        public Optional<String> lastProblem() { return Optional.ofNullable(problem); }
    }
}
