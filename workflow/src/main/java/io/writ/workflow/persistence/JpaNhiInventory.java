package io.writ.workflow.persistence;

import io.writ.domain.nhi.InventoriedNhi;
import io.writ.domain.nhi.NhiFinding;
import io.writ.domain.nhi.NhiInventory;
import io.writ.domain.nhi.NhiPage;
import io.writ.domain.nhi.NhiQuery;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NHI inventory in the database. A page is one query for its rows and one for the count; the findings' filters
 * say in SQL what {@link io.writ.domain.nhi.Nhi#assess} says in Java (kept side by side below).
 */
@Stateless
public class JpaNhiInventory implements NhiInventory {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public Optional<InventoriedNhi> find(String clientId) {
        return Optional.ofNullable(em.find(KeptNhi.class, clientId)).map(KeptNhi::nhi);
    }

    @Override
    public Optional<InventoriedNhi> withKeycloakId(String keycloakId) {
        return em.createQuery("select n from KeptNhi n where n.keycloakId = :id", KeptNhi.class)
                .setParameter("id", keycloakId).getResultStream().findFirst().map(KeptNhi::nhi);
    }

    @Override
    public List<InventoriedNhi> withIdentityIds(Collection<String> identityIds) {
        return InSlices.read(identityIds, slice -> em.createQuery(
                        "select n from KeptNhi n where n.identityId in :ids", KeptNhi.class)
                .setParameter("ids", slice).getResultList()).stream().map(KeptNhi::nhi).toList();
    }

    @Override
    public List<InventoriedNhi> withIdentities(Collection<String> identities) {
        return InSlices.read(identities, slice -> em.createQuery(
                        "select n from KeptNhi n where n.identity in :identities", KeptNhi.class)
                .setParameter("identities", slice).getResultList()).stream().map(KeptNhi::nhi).toList();
    }

    @Override
    public List<InventoriedNhi> withOwnerIds(Collection<String> ownerIds) {
        return InSlices.read(ownerIds, slice -> em.createQuery(
                        "select n from KeptNhi n where n.ownerId in :ids", KeptNhi.class)
                .setParameter("ids", slice).getResultList()).stream().map(KeptNhi::nhi).toList();
    }

    @Override
    public List<InventoriedNhi> unownedBefore(Instant moment) {
        return em.createQuery("select n from KeptNhi n where n.unownedSince < :moment and n.standingRoles <> '' "
                        + "order by n.unownedSince", KeptNhi.class)
                .setParameter("moment", moment).getResultStream().map(KeptNhi::nhi).toList();
    }

    @Override
    public Map<String, InventoriedNhi> all() {
        var all = new LinkedHashMap<String, InventoriedNhi>();
        em.createQuery("select n from KeptNhi n order by n.clientId", KeptNhi.class).getResultStream()
                .map(KeptNhi::nhi).forEach(n -> all.put(n.clientId(), n));
        return all;
    }

    @Override
    public void keep(InventoriedNhi nhi) {
        var kept = em.find(KeptNhi.class, nhi.clientId());
        if (kept == null) {
            em.persist(new KeptNhi(nhi));
        } else {
            kept.update(nhi);
        }
    }

    @Override
    public void keepAll(Collection<InventoriedNhi> nhis) {
        var kept = new HashMap<String, KeptNhi>();
        InSlices.read(nhis.stream().map(InventoriedNhi::clientId).toList(), slice -> em.createQuery(
                        "select n from KeptNhi n where n.clientId in :ids", KeptNhi.class)
                .setParameter("ids", slice).getResultList()).forEach(n -> kept.put(n.nhi().clientId(), n));
        for (var nhi : nhis) {
            var known = kept.get(nhi.clientId());
            if (known == null) {
                em.persist(new KeptNhi(nhi));
            } else {
                known.update(nhi);
            }
        }
    }

    @Override
    public void forget(String clientId) {
        Optional.ofNullable(em.find(KeptNhi.class, clientId)).ifPresent(em::remove);
    }

    @Override
    public NhiPage page(NhiQuery query, Duration maxSecretAge, Instant now) {
        var where = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        query.owner().ifPresent(owner -> {
            where.add("n.owner = :owner");
            parameters.put("owner", owner);
        });
        query.finding().ifPresent(finding -> where.add(having(finding, parameters, maxSecretAge, now)));
        query.standingRole().ifPresent(role -> {
            where.add("n.standingRoles like :role");
            parameters.put("role", KeptNhi.asListed(role));
        });
        query.secretOlderThanDays().ifPresent(days -> {
            where.add("(n.secretMadeAt is null or n.secretMadeAt < :secretBefore)");
            parameters.put("secretBefore", now.minus(Duration.ofDays(days)));
        });
        query.unusedForDays().ifPresent(days -> {
            where.add("(n.lastUsedAt is null or n.lastUsedAt < :usedBefore)");
            parameters.put("usedBefore", now.minus(Duration.ofDays(days)));
        });
        var filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        var rows = with(parameters, em.createQuery("select n from KeptNhi n" + filter + " order by "
                + order(query), KeptNhi.class))
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        long total = with(parameters, em.createQuery("select count(n) from KeptNhi n" + filter, Long.class))
                .getSingleResult();
        return new NhiPage(rows.stream().map(n -> n.nhi().assess(maxSecretAge, now)).toList(), total, query.page(),
                query.size());
    }

    /** The finding as a condition on the kept row: what Nhi.assess decides, said in JPQL. */
    private static String having(NhiFinding finding, Map<String, Object> parameters, Duration maxSecretAge,
                                 Instant now) {
        return switch (finding) {
            case NO_OWNER -> "n.owner is null";
            case OWNER_DISABLED -> "(n.owner is not null and n.ownerEnabled = false)";
            case STANDING_PRIVILEGED_ROLE -> "n.standingRoles <> ''";
            case SECRET_AGE_UNKNOWN -> "n.secretMadeAt is null";
            case SECRET_OLDER_THAN_POLICY -> {
                parameters.put("policyCutOff", now.minus(maxSecretAge));
                yield "n.secretMadeAt < :policyCutOff";
            }
        };
    }

    private static String order(NhiQuery query) {
        // Spelled out where nulls go (databases differ): no owner last; a secret of unknown age counts as the
        // oldest, a NHI never used as the least recently used.
        var descending = query.descending();
        return switch (query.sort()) {
            case CLIENT_ID -> "n.clientId" + (descending ? " desc" : " asc");
            case OWNER -> "n.owner" + (descending ? " desc nulls first" : " asc nulls last") + ", n.clientId";
            // the older the secret, the earlier it was made: an ascending age is a descending time
            case SECRET_AGE -> "n.secretMadeAt" + (descending ? " asc nulls first" : " desc nulls last") + ", n.clientId";
            case LAST_USED -> "n.lastUsedAt" + (descending ? " desc nulls last" : " asc nulls first") + ", n.clientId";
        };
    }

    private static <T> TypedQuery<T> with(Map<String, Object> parameters, TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
