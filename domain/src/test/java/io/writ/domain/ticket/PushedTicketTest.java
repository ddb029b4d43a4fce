package io.writ.domain.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A ticket a ticket system pushes into the registry: what it says replaces what was known. */
class PushedTicketTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aPushSaysWhoIsOnTheTicketAndWhenItsWorkIsPlanned() {
        var ticket = new Ticket("CHG-9", "CHG-9", TicketState.OPEN, T0);

        var closedNow = ticket.pushed(new Ticket.Pushed("Upgrade the cluster", true, "In Progress", "alice",
                Set.of("frank"), T0, T0.plusSeconds(7200)), T0);

        assertThat(closedNow).isFalse();
        var facts = ticket.facts();
        assertThat(facts.title()).isEqualTo("Upgrade the cluster");
        assertThat(facts.systemState()).isEqualTo("In Progress");
        assertThat(facts.owner()).contains("alice");
        assertThat(facts.involved()).containsExactlyInAnyOrder("alice", "frank");
        assertThat(facts.knowsPeople()).isTrue();
        assertThat(facts.plannedTo()).contains(T0.plusSeconds(7200));
        assertThat(ticket.pushedAt()).contains(T0);
    }

    @Test
    void aPushThatClosesTheTicketSaysSoOnce() {
        var ticket = new Ticket("CHG-9", "t", TicketState.OPEN, T0);
        var done = new Ticket.Pushed("t", false, "Done", "alice", Set.of(), null, null);

        assertThat(ticket.pushed(done, T0.plusSeconds(60))).isTrue();
        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.pushed(done, T0.plusSeconds(90))).as("already closed").isFalse();
    }

    @Test
    void aRegisteredTicketTellsNobodyOnIt() {
        var facts = new Ticket("CHG-9", "t", TicketState.OPEN, T0).facts();

        assertThat(facts.knowsPeople()).isFalse();
        assertThat(facts.systemState()).isEqualTo("open");
    }
}
