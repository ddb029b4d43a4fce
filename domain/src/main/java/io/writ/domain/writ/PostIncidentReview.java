package io.writ.domain.writ;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The post-incident review of a break-glass writ: due once its access was revoked, done once by security, saying
 * what happened and whether the emergency was real. A value: recording the review yields a new one.
 */
@Embeddable
public class PostIncidentReview {

    @Column(name = "post_incident_review_due")
    private Instant due;

    @Column(name = "post_incident_reviewed_by", length = 200)
    private String reviewedBy;

    @Column(name = "post_incident_reviewed_at")
    private Instant reviewedAt;

    @Column(name = "post_incident_findings", length = 2000)
    private String findings;

    protected PostIncidentReview() {
        // for JPA
    }

    private PostIncidentReview(Instant due, String reviewedBy, Instant reviewedAt, String findings) {
        this.due = Objects.requireNonNull(due, "due");
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.findings = findings;
    }

    static PostIncidentReview dueBy(Instant due) {
        return new PostIncidentReview(due, null, null, null);
    }

    /**
     * The review of that writ, done once, never by those who broke the glass or received or own its access; the
     * findings say what happened and whether the emergency was real.
     */
    PostIncidentReview reviewed(Writ writ, String by, String findings, Instant at) {
        Objects.requireNonNull(by, "by");
        if (!isPending()) {
            throw new WritStateConflict(writ.state(), "writ " + writ.id() + " was reviewed by " + reviewedBy);
        }
        if (writ.terms().involves(by)) {
            throw new SeparationOfDutiesViolation("you broke the glass on writ " + writ.id()
                    + " (or received or own its access); someone else must review it");
        }
        var text = Comments.required(findings, "findings", "say what happened and whether the emergency was real");
        return new PostIncidentReview(due, by, Objects.requireNonNull(at, "at"), text);
    }

    /** Whether it is still to be done. */
    public boolean isPending() {
        return reviewedAt == null;
    }

    public Instant due() { return due; }
    public Optional<String> reviewedBy() { return Optional.ofNullable(reviewedBy); }
    public Optional<Instant> reviewedAt() { return Optional.ofNullable(reviewedAt); }
    public Optional<String> findings() { return Optional.ofNullable(findings); }
}
