package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.RevocationReason.ENDED_BY_REQUESTER;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Once a writ's access is revoked, its requester says whether it was used as intended. */
class PostAccessReviewTest {

    @Test
    void askedOnceTheAccessIsRevokedNotBefore() {
        var w = Writs.active();
        assertThat(w.awaitsPostAccessReview()).isFalse();
        assertThatThrownBy(() -> w.answerPostAccessReview("alice", true, null, at(20)))
                .isInstanceOf(WritStateConflict.class);

        var ended = ended();

        assertThat(ended.awaitsPostAccessReview()).isTrue();
        assertThat(ended.postAccessReview().map(PostAccessReview::askedAt)).contains(at(31));
    }

    @Test
    void theRequesterAnswersOnce() {
        var w = ended();

        w.answerPostAccessReview("alice", true, "rotated the replica as planned", at(40));

        assertThat(w.awaitsPostAccessReview()).isFalse();
        assertThat(w.postAccessReview().flatMap(PostAccessReview::usedAsIntended)).contains(true);
        assertThat(w.postAccessReview().flatMap(PostAccessReview::comment)).contains("rotated the replica as planned");
        assertThat(w.postAccessReview().flatMap(PostAccessReview::answeredBy)).contains("alice");
        assertThatThrownBy(() -> w.answerPostAccessReview("alice", false, "changed my mind", at(41)))
                .isInstanceOf(WritStateConflict.class);
    }

    @Test
    void onlyTheRequesterAnswers() {
        var w = ended();

        assertThatThrownBy(() -> w.answerPostAccessReview("bob", true, null, at(40)))
                .isInstanceOf(NotPermitted.class);
        assertThat(w.awaitsPostAccessReview()).isTrue();
    }

    @Test
    void notAsIntendedNeedsACommentAndAnAnswerIsRequired() {
        var w = ended();

        assertThatThrownBy(() -> w.answerPostAccessReview("alice", false, " ", at(40)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> w.answerPostAccessReview("alice", null, "x", at(40)))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("usedAsIntended");
        assertThat(w.awaitsPostAccessReview()).isTrue();

        w.answerPostAccessReview("alice", false, "also ran an unplanned vacuum", at(40));
        assertThat(w.postAccessReview().flatMap(PostAccessReview::usedAsIntended)).contains(false);
    }

    private static Writ ended() {
        var w = Writs.active();
        w.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));
        w.recordRevocation(new Revocation(at(31), at(31), at(31), 0, null, null));
        return w;
    }
}
