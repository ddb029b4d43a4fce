package io.writ.bastion;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's list of who bastion-1 lets in admits a login at once only while it is fresh and answered: stale, or
 * after a look that failed, nobody is admitted from it (the gate asks the portal, which may be away: fail closed).
 */
class AdmissionsTest {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private final FakePortal portal = new FakePortal();
    private final MovableClock clock = new MovableClock();
    private final Admissions admissions = new Admissions(portal, clock);

    @Test
    void aFreshListAdmitsTheIdentitiesItNamesUnderTheirWrits() {
        portal.answer = list(open("alice", "W-1", "FULL", T0.plusSeconds(600)));

        admissions.run();

        var alice = admissions.of("alice").orElseThrow();
        assertThat(alice.writ()).isEqualTo("W-1");
        assertThat(alice.coverage()).isEqualTo("FULL");
        assertThat(alice.listedAt()).isEqualTo(T0);
        assertThat(admissions.of("bob")).as("not on the list: asked of the portal").isEmpty();
    }

    @Test
    void aListOlderThanFreshAdmitsNobody() {
        portal.answer = list(open("alice", "W-1", "FULL", T0.plusSeconds(600)));
        admissions.run();

        clock.now = T0.plus(Admissions.FRESH);
        assertThat(admissions.of("alice")).isPresent();
        clock.now = T0.plus(Admissions.FRESH).plusMillis(1);
        assertThat(admissions.of("alice")).as("the portal was not asked for longer than FRESH").isEmpty();
    }

    @Test
    void aLookThatFailsEmptiesTheListAtOnce() {
        portal.answer = list(open("alice", "W-1", "FULL", T0.plusSeconds(600)));
        admissions.run();

        portal.away = true;
        clock.now = T0.plusMillis(250);
        admissions.run();

        assertThat(admissions.of("alice")).as("the portal away: every login is asked of it, and refused").isEmpty();

        portal.away = false;
        admissions.run();
        assertThat(admissions.of("alice")).as("back").isPresent();
    }

    @Test
    void aWritWhoseWindowEndedAdmitsNobodyThoughStillListed() {
        portal.answer = list(open("alice", "W-1", "LIGHT", T0.plusMillis(500)));
        admissions.run();

        clock.now = T0.plusMillis(499);
        assertThat(admissions.of("alice")).isPresent();
        clock.now = T0.plusMillis(500);
        assertThat(admissions.of("alice")).isEmpty();
    }

    @Test
    void anAnswerItCannotReadEmptiesTheList() {
        portal.answer = list(open("alice", "W-1", "FULL", T0.plusSeconds(600)));
        admissions.run();

        portal.answer = Map.of("admissions", List.of(Map.of("identity", "alice", "writ", "W-1", "until", "soon")));
        admissions.run();

        assertThat(admissions.of("alice")).isEmpty();
    }

    private static Map<String, Object> list(Map<String, Object> one) {
        return Map.of("at", T0.toString(), "admissions", List.of(one));
    }

    private static Map<String, Object> open(String identity, String writ, String coverage, Instant until) {
        return Map.of("identity", identity, "writ", writ, "entitlement", "bastion-shell", "coverage", coverage,
                "until", until.toString());
    }

    private static final class MovableClock extends Clock {
        volatile Instant now = T0;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class FakePortal extends WritClient {
        volatile Map<String, Object> answer = Map.of();
        volatile boolean away;

        FakePortal() {
            super(new Settings(URI.create("http://127.0.0.1:9"), URI.create("http://127.0.0.1:9/token"),
                    "bastion-agent", Path.of("/nonexistent/secret"), "bastion-1", Set.of("bastion-shell"), 2223,
                    Path.of("/nonexistent/local-token"), Path.of("/nonexistent"), Path.of("/nonexistent/keys"),
                    Path.of("/nonexistent/identities"), Duration.ofMillis(500)));
        }

        @Override
        Map<String, Object> admissions() throws Unreachable {
            if (away) {
                throw new Unreachable("the portal did not answer");
            }
            return answer;
        }
    }
}
