package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.ticket.TicketFacts;
import io.writ.domain.ticket.TicketInvolvement;
import io.writ.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whether a ticket from a ticket system backs a requester's writ: open, theirs (as configured), and in its window. */
class TicketBackingTest {

    private static TicketFacts ticket(String owner, Set<String> involved, Instant from, Instant to) {
        return new TicketFacts("CHG-12", "Rotate the billing database password", "open", Optional.ofNullable(owner),
                involved, true, Optional.ofNullable(from), Optional.ofNullable(to));
    }

    private static String refusalOf(TicketStatus status, Integer minutes) {
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequest.class,
                () -> ask().ticket("CHG-12", status).minutes(minutes).submit());
        assertThat(refused).as("refused").isNotNull();
        return refused.errors().stream().filter(e -> e.field().equals("ticket")).map(FieldError::message)
                .findFirst().orElseThrow();
    }

    @Test
    void anOpenTicketOwnedByTheRequesterBacksTheirWrit() {
        var status = TicketStatus.open(ticket("alice", Set.of(), null, null), TicketInvolvement.OWNER);

        assertThat(ask().ticket("CHG-12", status).submit().ticket()).contains("CHG-12");
    }

    @Test
    void someoneElsesTicketIsRefusedSayingWhoseItIs() {
        var bobs = ticket("bob", Set.of("bob", "carol"), null, null);

        assertThat(refusalOf(TicketStatus.open(bobs, TicketInvolvement.OWNER), 60))
                .isEqualTo("ticket CHG-12 is owned by bob; only its owner may ask for access under it");
        assertThat(refusalOf(TicketStatus.open(bobs, TicketInvolvement.INVOLVED), 60))
                .isEqualTo("ticket CHG-12 is owned by bob; only its owner and the people on it may ask for access "
                        + "under it");
        assertThat(ask().ticket("CHG-12", TicketStatus.open(bobs, TicketInvolvement.OFF)).submit().ticket())
                .as("involvement off: anyone").contains("CHG-12");
    }

    @Test
    void aPersonOnTheTicketMayWorkUnderItWhenInvolvementAllows() {
        var shared = ticket("bob", Set.of("bob", "alice"), null, null);

        assertThat(ask().ticket("CHG-12", TicketStatus.open(shared, TicketInvolvement.INVOLVED)).submit().ticket())
                .contains("CHG-12");
        assertThat(refusalOf(TicketStatus.open(shared, TicketInvolvement.OWNER), 60)).contains("owned by bob");
    }

    @Test
    void aTicketOwnedByNobodyBacksNobodyWhenOwnershipCounts() {
        assertThat(refusalOf(TicketStatus.open(ticket(null, Set.of(), null, null), TicketInvolvement.INVOLVED), 60))
                .startsWith("ticket CHG-12 is owned by nobody");
    }

    @Test
    void theWritsWindowMustFallInsideTheChangesPlannedWindow() {
        // the writ is asked at T0 for 60 minutes: T0 to T0+60
        var inside = ticket("alice", Set.of(), T0.minusSeconds(60), T0.plusSeconds(2 * 3600));
        assertThat(ask().ticket("CHG-12", TicketStatus.open(inside, TicketInvolvement.OWNER)).submit().ticket())
                .contains("CHG-12");

        var endsTooSoon = ticket("alice", Set.of(), T0.minusSeconds(60), T0.plusSeconds(1800));
        assertThat(refusalOf(TicketStatus.open(endsTooSoon, TicketInvolvement.OWNER), 60))
                .isEqualTo("ticket CHG-12 plans its work from 2026-11-02T08:59:00Z to 2026-11-02T09:30:00Z: the "
                        + "writ's window (2026-11-02T09:00:00Z to 2026-11-02T10:00:00Z) must fall inside it");
        var notYet = ticket("alice", Set.of(), T0.plusSeconds(3600), null);
        assertThat(refusalOf(TicketStatus.open(notYet, TicketInvolvement.OWNER), 30))
                .contains("plans its work from 2026-11-02T10:00:00Z to any time");
    }

    @Test
    void aTicketSystemThatCannotBeAskedRefusesTheRequestSayingWhy() {
        var status = TicketStatus.unreachable("CHG-12", "Request Tracker at http://127.0.0.1:8480 is not answering");

        assertThat(refusalOf(status, 60)).isEqualTo("ticket CHG-12 cannot be checked: Request Tracker at "
                + "http://127.0.0.1:8480 is not answering; new requests wait until the ticket system is back");
    }

    @Test
    void aClosedTicketSaysItsStateInTheSystemsWords() {
        var rejected = new TicketFacts("CHG-12", "t", "rejected", Optional.of("alice"), Set.of(), true,
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> ask().ticket("CHG-12", TicketStatus.closed(rejected)).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("ticket", "ticket CHG-12 is closed (rejected); access needs an open ticket")));
    }
}
