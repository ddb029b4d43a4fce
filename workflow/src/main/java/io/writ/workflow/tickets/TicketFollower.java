package io.writ.workflow.tickets;

import io.writ.domain.ticket.TicketState;
import io.writ.domain.writ.WritRepository;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the tickets behind active writs to their closure, for a ticket system that does not push
 * ({@code writ.tickets.poll-seconds}, default 30): each round asks the system about every such ticket once, and a
 * ticket closed, rejected or gone ends its writs (TICKET_CLOSED). A system that cannot be asked leaves the writs
 * alone; the next round asks again. The built-in registry needs no following: its tickets close in Writ.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TicketFollower {

    private static final Logger LOG = Logger.getLogger(TicketFollower.class.getName());
    static final String ACTOR = "ticket-system";

    @Resource
    TimerService timers;

    @Inject
    ConfiguredTicketSystem tickets;

    @Inject
    TicketSettings settings;

    @Inject
    WritRepository writs;

    @Inject
    TicketDesk desk;

    @PostConstruct
    void start() {
        // A setting that cannot be read stops the portal here, saying which, rather than failing each request later.
        settings.involvement();
        LOG.info(() -> "Tickets: " + tickets.describe() + (tickets.external()
                ? ", followed every " + settings.pollSeconds() + " s" : "")
                + ", pushes through the webhook " + (settings.webhookSecret().isPresent() ? "on" : "off"));
        if (tickets.external()) {
            next();
        }
    }

    @Timeout
    void round() {
        try {
            follow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Following the tickets failed; the next round tries again", e);
        } finally {
            next();
        }
    }

    /** Asks about each ticket behind an active writ; ends the writs of those closed or gone. Returns how many. */
    int follow() {
        var ended = 0;
        for (var ref : writs.ticketsOfActiveWrits()) {
            ended += recheck(ref);
        }
        return ended;
    }

    /** Asks the system about one ticket now; returns how many writs it ended. */
    private int recheck(String ref) {
        var state = tickets.check(ref).state();
        if (state == TicketState.CLOSED || state == TicketState.UNKNOWN) {
            var ended = desk.closedInSystem(ref, ACTOR, false);
            if (!ended.isEmpty()) {
                LOG.info(() -> "Ticket " + ref + " is " + state + " in the ticket system: " + ended.size()
                        + " writ(s) ended");
            }
            return ended.size();
        }
        return 0;
    }

    private void next() {
        timers.createSingleActionTimer(settings.pollSeconds() * 1000L, new TimerConfig("ticket-follower", false));
    }
}
