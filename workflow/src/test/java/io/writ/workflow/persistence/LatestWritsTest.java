package io.writ.workflow.persistence;

import io.writ.domain.writ.Writ;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Set;

import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requesters' histories an approver's inbox shows, read in one query for all of them (H2, or PostgreSQL when
 * ./test.sh names one). One database for the class (starting Hibernate is slow): each test has requesters of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LatestWritsTest {

    private final EntityManagerFactory factory;
    private final JpaWritRepository writs = new JpaWritRepository();

    LatestWritsTest() {
        var database = TestDatabase.empty();
        Flyway.configure().dataSource(database).locations("classpath:db/migration")
                .javaMigrations(new ChainExistingAuditRecords()).table("writ_schema_history").load().migrate();
        factory = Persistence.createEntityManagerFactory("writ-queries",
                Map.of("jakarta.persistence.nonJtaDataSource", database));
        writs.em = factory.createEntityManager();
    }

    @AfterAll
    void close() {
        writs.em.close();
        factory.close();
    }

    @Test
    void eachRequestersLatestWritsNewestFirstAndNoMoreThanAsked() {
        for (int minute = 0; minute < 7; minute++) {
            keep(ask().by("alice").submitAt(at(minute)));
        }
        keep(ask().by("frank").submitAt(at(3)));
        keep(ask().by("frank").submitAt(at(9)));
        keep(ask().by("carol").submitAt(at(20)));

        var latest = writs.latestOf(Set.of("alice", "frank", "nobody"), 3);

        assertThat(latest).as("carol was not asked for; nobody has no writs").containsOnlyKeys("alice", "frank");
        assertThat(latest.get("alice")).extracting(Writ::submittedAt).containsExactly(at(6), at(5), at(4));
        assertThat(latest.get("frank")).extracting(Writ::submittedAt).containsExactly(at(9), at(3));
    }

    @Test
    void writsSubmittedAtTheSameInstantStillGiveNoMoreThanAsked() {
        for (int i = 0; i < 4; i++) {
            keep(ask().by("dana").submitAt(at(1)));
        }

        assertThat(writs.latestOf(Set.of("dana"), 2).get("dana")).hasSize(2);
    }

    @Test
    void noRequestersNoRead() {
        assertThat(writs.latestOf(Set.of(), 5)).isEmpty();
    }

    private void keep(Writ writ) {
        var em = writs.em;
        em.getTransaction().begin();
        em.persist(writ);
        em.getTransaction().commit();
        em.clear();
    }
}
