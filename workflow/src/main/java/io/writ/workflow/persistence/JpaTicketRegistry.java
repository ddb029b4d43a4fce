package io.writ.workflow.persistence;

import io.writ.domain.ticket.Ticket;
import io.writ.domain.ticket.TicketRegistry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The built-in ticket registry in the database. */
@Stateless
public class JpaTicketRegistry implements TicketRegistry {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void save(Ticket ticket) {
        if (!em.contains(ticket)) {
            em.persist(ticket);
        }
    }

    @Override
    public Optional<Ticket> byRef(String ref) {
        return Optional.ofNullable(em.find(Ticket.class, ref));
    }

    @Override
    public List<Ticket> all() {
        return em.createQuery("select t from Ticket t order by t.registeredAt desc", Ticket.class).getResultList();
    }
}
