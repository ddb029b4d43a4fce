package io.writ.workflow.tickets;

import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.WritRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A poll round asks about each ticket behind an active writ and ends the writs of those closed or gone. */
class TicketFollowerTest {

    private final TicketFollower follower = new TicketFollower();

    @BeforeEach
    void parts() {
        follower.tickets = mock(ConfiguredTicketSystem.class);
        follower.writs = mock(WritRepository.class);
        follower.desk = mock(TicketDesk.class);
        when(follower.writs.ticketsOfActiveWrits()).thenReturn(List.of("CHG-1", "CHG-2", "CHG-3", "CHG-4"));
        when(follower.tickets.check("CHG-1")).thenReturn(TicketStatus.open("CHG-1"));
        when(follower.tickets.check("CHG-2")).thenReturn(TicketStatus.closed("CHG-2"));
        when(follower.tickets.check("CHG-3")).thenReturn(TicketStatus.unknown("CHG-3"));
        when(follower.tickets.check("CHG-4")).thenReturn(TicketStatus.unreachable("CHG-4", "RT is not answering"));
        when(follower.desk.closedInSystem(anyString(), anyString(), anyBoolean())).thenReturn(List.of());
    }

    @Test
    void aClosedOrVanishedTicketEndsItsWritsAsThePollFoundIt() {
        follower.follow();

        verify(follower.desk).closedInSystem("CHG-2", TicketFollower.ACTOR, false);
        verify(follower.desk).closedInSystem("CHG-3", TicketFollower.ACTOR, false);
    }

    @Test
    void anOpenTicketOrASystemThatCannotBeAskedLeavesTheWritsAlone() {
        follower.follow();

        verify(follower.desk, never()).closedInSystem(eq("CHG-1"), anyString(), anyBoolean());
        verify(follower.desk, never()).closedInSystem(eq("CHG-4"), anyString(), anyBoolean());
        assertThat(follower.follow()).isZero();
    }
}
