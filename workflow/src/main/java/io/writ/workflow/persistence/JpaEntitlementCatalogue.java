package io.writ.workflow.persistence;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The entitlement catalogue in the database. */
@Stateless
public class JpaEntitlementCatalogue implements EntitlementCatalogue {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public List<Entitlement> all() {
        return em.createQuery("select e from Entitlement e order by e.name", Entitlement.class).getResultList();
    }

    @Override
    public void add(Entitlement entitlement) {
        em.persist(entitlement);
    }

    @Override
    public Optional<Entitlement> named(String name) {
        return Optional.ofNullable(em.find(Entitlement.class, name));
    }
}
