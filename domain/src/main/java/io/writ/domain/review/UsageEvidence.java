package io.writ.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How an identity used its access during the review period: the reviewer decides with this beside the item.
 * Sessions and last use come from the session evidence, alerts from detection, break-glass uses and post-access
 * review answers from the identity's writs of the period.
 */
@Embeddable
public class UsageEvidence {

    @Column(name = "period_start", nullable = false)
    private Instant periodStart;

    @Column(name = "sessions", nullable = false)
    private int sessions;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "alerts", nullable = false)
    private int alerts;

    @Column(name = "break_glass_uses", nullable = false)
    private int breakGlassUses;

    /** The post-access review answers of the period in a sentence, for example "2 as intended, 1 not: ...". */
    @Column(name = "post_access_reviews", nullable = false, length = 2000)
    private String postAccessReviews;

    protected UsageEvidence() {
        // for JPA
    }

    public UsageEvidence(Instant periodStart, int sessions, Optional<Instant> lastUsedAt, int alerts,
                         int breakGlassUses, String postAccessReviews) {
        this.periodStart = Objects.requireNonNull(periodStart, "periodStart");
        this.sessions = sessions;
        this.lastUsedAt = lastUsedAt.orElse(null);
        this.alerts = alerts;
        this.breakGlassUses = breakGlassUses;
        var answers = postAccessReviews == null || postAccessReviews.isBlank() ? "none" : postAccessReviews.strip();
        this.postAccessReviews = answers.length() > 2000 ? answers.substring(0, 1999) + "…" : answers;
    }

    /** Whether anything at all shows use of the access in the period. */
    public boolean unused() {
        return sessions == 0 && lastUsedAt == null && breakGlassUses == 0;
    }

    /** The evidence in one line, as the inbox and the report show it. */
    public String summary() {
        return sessions + " session(s) since " + periodStart + ", last use " + (lastUsedAt == null ? "never seen"
                : lastUsedAt.toString()) + ", " + alerts + " alert(s), " + breakGlassUses + " break-glass use(s), "
                + "post-access reviews: " + postAccessReviews;
    }

    public Instant periodStart() { return periodStart; }
    public int sessions() { return sessions; }
    public Optional<Instant> lastUsedAt() { return Optional.ofNullable(lastUsedAt); }
    public int alerts() { return alerts; }
    public int breakGlassUses() { return breakGlassUses; }
    public String postAccessReviews() { return postAccessReviews; }
}
