package io.writ.workflow.persistence;

import io.writ.domain.bastion.LoginRefusal;
import io.writ.domain.bastion.LoginRefusals;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Refused bastion logins in the database. */
@Stateless
public class JpaLoginRefusals implements LoginRefusals {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void save(LoginRefusal refusal) {
        em.persist(refusal);
    }

    @Override
    public List<LoginRefusal> latest(int max) {
        return em.createQuery("select r from LoginRefusal r order by r.at desc", LoginRefusal.class)
                .setMaxResults(max).getResultList();
    }
}
