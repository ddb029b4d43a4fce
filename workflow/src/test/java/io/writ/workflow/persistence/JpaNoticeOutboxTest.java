package io.writ.workflow.persistence;

import io.writ.domain.notice.Audience;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeKind;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's once-keys on a real database: the expiry scan asks which of hundreds of warnings exist in one read
 * per slice of keys (InSlices), not one per writ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaNoticeOutboxTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final EntityManagerFactory factory;
    private final JpaNoticeOutbox outbox = new JpaNoticeOutbox();

    JpaNoticeOutboxTest() {
        factory = Persistence.createEntityManagerFactory("mapping",
                Map.of("jakarta.persistence.nonJtaDataSource", TestDatabase.migrated()));
        outbox.em = factory.createEntityManager();
    }

    @AfterAll
    void close() {
        outbox.em.close();
        factory.close();
    }

    @Test
    void tellsWhichOfManyOnceKeysAreHeldAcrossSlices() {
        var held = IntStream.range(0, 1200).filter(i -> i % 3 == 0).mapToObj(i -> "expiry:w" + i).toList();
        var writ = ask().by("alice").submitAt(NOW);
        outbox.em.getTransaction().begin();
        outbox.em.persist(writ);
        held.forEach(key -> outbox.record(warning(writ.id(), key)));
        outbox.em.getTransaction().commit();
        var asked = new ArrayList<String>();
        IntStream.range(0, 1200).mapToObj(i -> "expiry:w" + i).forEach(asked::add);
        asked.add("expiry:never-recorded");

        assertThat(outbox.heldAmong(asked)).as("1,201 keys asked, in three slices").hasSize(400)
                .containsExactlyInAnyOrderElementsOf(held);
        assertThat(outbox.heldAmong(List.of())).isEmpty();
    }

    private static Notice warning(String writId, String onceKey) {
        return Notice.aboutWrit(NoticeKind.EXPIRING_SOON, writId, Audience.people(List.of("alice")),
                "Ends in 5 minutes", "The window ends soon.", NOW, onceKey);
    }
}
