package io.writ.workflow.writ;

import io.writ.domain.ticket.TicketState;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** An approver's inbox: each writ with its ticket's state and its requester's latest other writs, read at once. */
class InboxTest {

    private final List<Writ> kept = new ArrayList<>();
    private final Map<String, Integer> ticketChecks = new HashMap<>();
    private final WritQueries queries = new WritQueries();

    InboxTest() {
        queries.approvers = mock(Approvers.class);
        when(queries.approvers.named("carol")).thenReturn(CAROL);
        queries.tickets = ref -> {
            ticketChecks.merge(ref, 1, Integer::sum);
            return ref.equals("CHG-2") ? TicketStatus.closed(ref) : TicketStatus.open(ref);
        };
        queries.writs = mock(WritRepository.class);
        when(queries.writs.awaitingDecision()).thenAnswer(call -> kept.stream()
                .filter(w -> w.state() == WritState.PENDING_APPROVAL).toList());
        when(queries.writs.extensionAwaitingDecision()).thenAnswer(call -> kept.stream()
                .filter(w -> w.pendingExtension().isPresent()).toList());
        when(queries.writs.latestOf(anySet(), anyInt())).thenAnswer(call -> latestOf(call.getArgument(0),
                call.getArgument(1)));
    }

    @Test
    void eachWritComesWithItsTicketsStateAndTheRequestersLatestOtherWrits() {
        for (int minute = 0; minute < 7; minute++) {
            kept.add(ask().by("alice").submitAt(at(minute)));
        }
        var first = pending("alice", "CHG-1", at(10));
        var second = pending("alice", "CHG-1", at(11));
        var franks = pending("frank", "CHG-2", at(12));

        var inbox = queries.inbox("carol");

        assertThat(inbox.writs()).extracting(Inbox.Entry::writ).containsExactly(first, second, franks);
        assertThat(submissions(inbox.writs().get(0))).as("the other of alice's writs, and her latest earlier ones")
                .containsExactly(at(11), at(6), at(5), at(4), at(3));
        assertThat(submissions(inbox.writs().get(1))).containsExactly(at(10), at(6), at(5), at(4), at(3));
        assertThat(inbox.writs().get(2).history()).as("frank's first writ").isEmpty();
        assertThat(inbox.writs()).extracting(Inbox.Entry::ticketState).containsExactly(
                Optional.of(TicketState.OPEN), Optional.of(TicketState.OPEN), Optional.of(TicketState.CLOSED));
    }

    @Test
    void anExtensionComesWithItsTicketsStateAndEachTicketIsAskedOnce() {
        pending("alice", "CHG-1", at(10));
        var extending = ask().by("erin").ticket("CHG-1", TicketStatus.open("CHG-1")).submitAt(at(0));
        extending.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at(0));
        extending.approve(BOB, null, at(5));
        extending.recordGrant(at(10), at(10));
        extending.requestExtension("erin", 30, at(20));
        kept.add(extending);

        var inbox = queries.inbox("carol");

        assertThat(inbox.extensions()).singleElement().satisfies(e -> {
            assertThat(e.writ()).isSameAs(extending);
            assertThat(e.ticketState()).contains(TicketState.OPEN);
            assertThat(e.history()).isEmpty();
        });
        assertThat(ticketChecks).as("one ticket behind two writs").isEqualTo(Map.of("CHG-1", 1));
    }

    private Writ pending(String requester, String ticket, Instant at) {
        var writ = ask().by(requester).ticket(ticket, TicketStatus.open(ticket)).submitAt(at);
        writ.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at);
        kept.add(writ);
        return writ;
    }

    private static List<Instant> submissions(Inbox.Entry entry) {
        return entry.history().stream().map(Writ::submittedAt).toList();
    }

    /** What the repository answers: each requester's latest writs, newest first, at most max each. */
    private Map<String, List<Writ>> latestOf(Set<String> requesters, int max) {
        return kept.stream().filter(w -> requesters.contains(w.requester()))
                .sorted(Comparator.comparing(Writ::submittedAt).reversed())
                .collect(Collectors.groupingBy(Writ::requester, Collectors.collectingAndThen(Collectors.toList(),
                        writs -> writs.stream().limit(max).toList())));
    }
}
