package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The post-access review of a writ: once its access was revoked, the requester (or the owner of the NHI that
 * received it) is asked whether it was used as intended, and answers once. The answer is evidence in the next access
 * review campaign. A value: answering yields a new one.
 */
@Embeddable
public class PostAccessReview {

    @Column(name = "post_access_review_asked_at")
    private Instant askedAt;

    @Column(name = "post_access_used_as_intended")
    private Boolean usedAsIntended;

    @Column(name = "post_access_comment", length = 2000)
    private String comment;

    @Column(name = "post_access_answered_by", length = 200)
    private String answeredBy;

    @Column(name = "post_access_answered_at")
    private Instant answeredAt;

    protected PostAccessReview() {
        // for JPA
    }

    private PostAccessReview(Instant askedAt, Boolean usedAsIntended, String comment, String answeredBy,
                             Instant answeredAt) {
        this.askedAt = Objects.requireNonNull(askedAt, "askedAt");
        this.usedAsIntended = usedAsIntended;
        this.comment = comment;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
    }

    static PostAccessReview askedAt(Instant at) {
        return new PostAccessReview(at, null, null, null, null);
    }

    /** The answer, given once; a "no" needs a comment saying how the access was used otherwise than intended. */
    PostAccessReview answered(Writ writ, String by, Boolean usedAsIntended, String comment, Instant at) {
        Objects.requireNonNull(by, "by");
        if (!isPending()) {
            throw new WritStateConflict(writ.state(), "the post-access review of writ " + writ.id() + " was answered by "
                    + answeredBy);
        }
        if (usedAsIntended == null) {
            throw InvalidRequest.of("usedAsIntended", "true or false is required");
        }
        var text = usedAsIntended ? Comments.optional(comment, "comment")
                : Comments.required(comment, "comment", "say how the access was used otherwise than intended");
        return new PostAccessReview(askedAt, usedAsIntended, text, by, Objects.requireNonNull(at, "at"));
    }

    /** Whether it was asked and is not answered yet. */
    public boolean isPending() {
        return answeredAt == null;
    }

    public Instant askedAt() { return askedAt; }
    public Optional<Boolean> usedAsIntended() { return Optional.ofNullable(usedAsIntended); }
    public Optional<String> comment() { return Optional.ofNullable(comment); }
    public Optional<String> answeredBy() { return Optional.ofNullable(answeredBy); }
    public Optional<Instant> answeredAt() { return Optional.ofNullable(answeredAt); }
}
