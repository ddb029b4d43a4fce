package io.writ.web.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Verified bearer tokens are remembered until they expire, and only the very token that was verified. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final VerifiedTokens tokens = new VerifiedTokens(clock);
    private final Caller alice = new Caller("alice", Set.of("requester"), java.time.Instant.parse("2026-11-01T09:00:00Z"));

    @Test
    void aVerifiedTokenIsRecalledUntilItExpires() {
        tokens.remember("token-of-alice", alice, NOW.plusSeconds(300));

        assertThat(tokens.recall("token-of-alice")).contains(alice);
        clock.now = NOW.plusSeconds(299);
        assertThat(tokens.recall("token-of-alice")).contains(alice);
        clock.now = NOW.plusSeconds(300);
        assertThat(tokens.recall("token-of-alice")).as("expired").isEmpty();
        assertThat(tokens.size()).as("and forgotten").isZero();
    }

    @Test
    void aTokenChangedInOneCharacterIsNotRecalled() {
        tokens.remember("token-of-alice", alice, NOW.plusSeconds(300));

        assertThat(tokens.recall("token-of-alicf")).isEmpty();
        assertThat(tokens.recall("token-of-alice ")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNotRemembered() {
        tokens.remember("old-token", alice, NOW);

        assertThat(tokens.recall("old-token")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void whenFullTheExpiredMakeRoomAndNothingElseIsRemembered() {
        for (int i = 0; i < VerifiedTokens.MAX; i++) {
            tokens.remember("token-" + i, alice, NOW.plusSeconds(i < 10 ? 60 : 600));
        }
        tokens.remember("one-more", alice, NOW.plusSeconds(600));
        assertThat(tokens.recall("one-more")).as("full of live tokens").isEmpty();

        clock.now = NOW.plusSeconds(120);
        tokens.remember("one-more", alice, NOW.plusSeconds(600));
        assertThat(tokens.recall("one-more")).as("room made by the ten expired").contains(alice);
        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX - 10 + 1);
    }

    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
