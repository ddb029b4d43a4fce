package io.writ.workflow.tickets;

import io.writ.domain.ticket.TicketRegistry;
import io.writ.domain.ticket.TicketState;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.ticket.TicketSystem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.regex.Pattern;

/**
 * The built-in ticket system: a reference must match the configured format ({@code writ.tickets.format}, by
 * default {@code CHG-} or {@code INC-} and digits) and be registered (by an admin, or pushed by a ticket system
 * through the signed webhook), and only an open ticket backs a writ. A pushed ticket says who is on it and when its
 * work is planned, and the checks at submission use it.
 */
@ApplicationScoped
@Typed(RegisteredTickets.class)
public class RegisteredTickets implements TicketSystem {

    public static final String DEFAULT_FORMAT = "(CHG|INC)-[0-9]+";

    @Inject
    TicketRegistry registry;

    @Inject
    @ConfigProperty(name = "writ.tickets.format", defaultValue = DEFAULT_FORMAT)
    String format;

    @Inject
    TicketSettings settings;

    private Pattern pattern;

    @PostConstruct
    void compile() {
        pattern = Pattern.compile(format);
    }

    @Override
    public TicketStatus check(String ref) {
        if (ref == null || !pattern.matcher(ref).matches()) {
            return TicketStatus.malformed("'" + ref + "' is not a ticket reference: expected the format " + format
                    + (DEFAULT_FORMAT.equals(format) ? " (for example CHG-1234 or INC-42)" : ""));
        }
        return registry.byRef(ref)
                .map(t -> t.state() == TicketState.OPEN
                        ? TicketStatus.open(t.facts(), settings.involvement()) : TicketStatus.closed(t.facts()))
                .orElseGet(() -> TicketStatus.unknown(ref));
    }

    /** Whether a reference has the configured format (to validate tickets being registered). */
    public boolean wellFormed(String ref) {
        return ref != null && pattern.matcher(ref).matches();
    }

    public String format() {
        return format;
    }
}
