package io.writ.workflow.persistence;

import io.writ.domain.compliance.MappingRepository;
import io.writ.domain.compliance.MappingVersion;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The mapping's versions in the database; a version, once kept, is never changed. */
@Stateless
public class JpaMappingRepository implements MappingRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public Optional<MappingVersion> latest() {
        return em.createQuery("select v from MappingVersion v order by v.number desc", MappingVersion.class)
                .setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public boolean add(MappingVersion version) {
        if (em.find(MappingVersion.class, version.number()) != null) {
            return false;
        }
        em.persist(version);
        em.flush(); // a concurrent edit that took the number fails here, on the primary key
        return true;
    }

    @Override
    public Optional<MappingVersion> number(int number) {
        return Optional.ofNullable(em.find(MappingVersion.class, number));
    }

    @Override
    public List<MappingVersion> history() {
        return em.createQuery("select v from MappingVersion v order by v.number desc", MappingVersion.class)
                .getResultList();
    }
}
