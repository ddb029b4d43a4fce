package io.writ.domain.ticket;

/**
 * Writes the writ's evidence back to its ticket as comments (a port): its link, its approvals, its end. Off for the
 * built-in registry, which has nowhere to write them.
 */
public interface TicketComments {

    boolean isOn();

    /** @throws io.writ.domain.notice.DeliveryFailed the ticket system did not take it (retried unless permanent) */
    void comment(String ticketRef, String text);
}
