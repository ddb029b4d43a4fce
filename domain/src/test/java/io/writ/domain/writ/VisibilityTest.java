package io.writ.domain.writ;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.writ.domain.writ.Writs.NHI;
import static org.assertj.core.api.Assertions.assertThat;

class VisibilityTest {

    @Test
    void theRequesterAndTheApproverGroupSeeAWritOthersDoNot() {
        var w = Writs.pending(1);

        assertThat(w.mayBeSeenBy("alice", Set.of("requester"), false)).isTrue();
        assertThat(w.mayBeSeenBy("bob", Set.of("approver"), false)).isTrue();
        assertThat(w.mayBeSeenBy("zoe", Set.of("requester"), false)).as("another requester").isFalse();
        assertThat(w.mayBeSeenBy("erin", Set.of("compliance"), true)).as("an overseer").isTrue();
    }

    @Test
    void theOwnerOfANonHumanTargetSeesItsWrit() {
        var w = Writs.ask().by(NHI).forNhi(NHI, "alice").submit();

        assertThat(w.mayBeSeenBy("alice", Set.of("requester"), false)).isTrue();
        assertThat(w.mayBeSeenBy(NHI, Set.of(), false)).isTrue();
    }
}
