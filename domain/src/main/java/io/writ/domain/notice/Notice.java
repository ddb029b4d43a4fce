package io.writ.domain.notice;

import io.writ.domain.entitlement.ReviewFailureMode;
import io.writ.domain.identity.Contact;
import io.writ.domain.review.ReviewCampaign;
import io.writ.domain.review.ReviewItem;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.ExtensionState;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.WritState;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something the people of a writ are told: what happened, about which writ, to whom, in words fixed when it
 * happened. It is recorded in the same transaction as the change it is about, so it exists exactly when the change
 * does; delivery follows later and is retried until complete, whatever is down at the time (an outbox).
 *
 * <p>Delivery has three parts, each done once: the audience is turned into recipients (each gets an in-app
 * message), each recipient with an address is mailed, and the webhook is posted. A part that fails is retried
 * after a {@link Backoff}; the parts already done are not repeated.
 */
@Entity
@Table(name = "notice")
public class Notice {

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 4000;
    private static final int MAX_PROBLEM = 1000;

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private NoticeKind kind;

    /** The writ it is about; null for a notice about an access review campaign. */
    @Column(name = "writ_id", length = 36)
    private String writId;

    /** The access review campaign it is about; null for a notice about a writ. */
    @Column(name = "campaign_id", length = 36)
    private String campaignId;

    @Embedded
    private Audience audience;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    /** Makes a notice that must exist once (a warning per window end) unique; null for the others. */
    @Column(name = "once_key", length = 200)
    private String onceKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    // Owned by the notice (no back reference), loaded with it: few, and needed whenever it is delivered.
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "notice_id", nullable = false, updatable = false)
    @OrderBy("username")
    private List<Recipient> recipients = new ArrayList<>();

    /** When the audience was turned into recipients (and their in-app messages written). */
    @Column(name = "addressed_at")
    private Instant addressedAt;

    @Column(name = "webhook_posted_at")
    private Instant webhookPostedAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    /** Failed delivery attempts so far. */
    @Column(nullable = false)
    private int attempts;

    /** Not to be attempted before then: the backoff after a failure, or the lease of an attempt under way. */
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_problem", length = MAX_PROBLEM)
    private String lastProblem;

    @Version
    private long version;

    protected Notice() {
        // for JPA
    }

    private Notice(NoticeKind kind, Writ writ, Audience audience, String subject, String headline,
                   Instant now, String onceKey) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.writId = writ.id();
        this.audience = audience;
        this.subject = cut(subject, MAX_SUBJECT);
        this.body = cut(headline + "\n\n" + Wording.facts(writ), MAX_BODY);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
        this.onceKey = onceKey;
    }

    private Notice(NoticeKind kind, ReviewCampaign campaign, Audience audience, String subject, String body,
                   Instant now) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.campaignId = campaign.id();
        this.audience = audience;
        this.subject = cut(subject, MAX_SUBJECT);
        this.body = cut(body, MAX_BODY);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
    }

    // --- access reviews -----------------------------------------------------------------------------------------

    /** A campaign started: each reviewer is asked to decide their items by the deadline. */
    public static Notice reviewNeeded(ReviewCampaign c, String reviewer, List<ReviewItem> items, Instant now) {
        return new Notice(NoticeKind.REVIEW_NEEDED, c, Audience.people(List.of(reviewer)),
                "Access review: " + items.size() + " item(s) to decide by " + Wording.time(c.deadline()),
                "An access review campaign asks you whether this standing access should persist. Keep it (say why), "
                        + "revoke it, or convert it to just-in-time on your Access reviews page.\n\n"
                        + itemLines(items), now);
    }

    /** The campaign runs on: a reviewer who still owes decisions is reminded. */
    public static Notice reviewReminder(ReviewCampaign c, String reviewer, List<ReviewItem> items, Instant now) {
        return new Notice(NoticeKind.REVIEW_NEEDED, c, Audience.people(List.of(reviewer)),
                "Reminder, access review: " + items.size() + " item(s) still to decide by "
                        + Wording.time(c.deadline()),
                "These items still await your decision on your Access reviews page.\n\n" + itemLines(items), now);
    }

    /** Fail-open items missed the deadline: kept, and escalated to the reviewer and the fallback reviewer. */
    public static Notice reviewOverdue(ReviewCampaign c, String reviewer, String escalatedTo, List<ReviewItem> items,
                                       Instant now) {
        var people = new java.util.LinkedHashSet<String>(List.of(reviewer, escalatedTo));
        return new Notice(NoticeKind.REVIEW_OVERDUE, c, Audience.people(people),
                "Overdue access review: " + items.size() + " item(s) of " + reviewer + " not decided by "
                        + Wording.time(c.deadline()),
                "The deadline passed without a decision; these entitlements fail open, so the access was kept and "
                        + "is marked overdue. " + reviewer + " still decides them on the Access reviews page; "
                        + escalatedTo + " is told as the escalation.\n\n" + itemLines(items), now);
    }

    private static String itemLines(List<ReviewItem> items) {
        var lines = new StringBuilder();
        // The body is cut to MAX_BODY anyway: a campaign of 100,000 items must not write megabytes to cut them off.
        for (var i : items) {
            if (lines.length() > MAX_BODY) {
                break;
            }
            lines.append("- ").append(i.entitlement()).append(" held by ").append(i.identity()).append(" (")
                    .append(i.failureMode() == ReviewFailureMode.FAIL_CLOSED ? "revoked if not reviewed"
                            : "kept and escalated if not reviewed").append("); ").append(i.evidence().summary())
                    .append('\n');
        }
        return lines.toString();
    }

    // --- who is told what ---------------------------------------------------------------------------------------

    /** The writ now awaits a decision: everyone who may decide is asked. */
    public static Notice decisionNeeded(Writ w, Instant now) {
        requireState(w, WritState.PENDING_APPROVAL);
        return new Notice(NoticeKind.DECISION_NEEDED, w, Audience.decidersOf(w),
                "Decision needed: " + Wording.request(w),
                Wording.request(w) + " for " + w.requestedMinutes() + " minutes. It needs "
                        + Wording.approvalsSoFar(w) + ". Approve or reject it in your approval inbox.", now, null);
    }

    /** The writ has waited a while: those who may decide and have not are asked again. */
    public static Notice reminder(Writ w, Instant now) {
        requireState(w, WritState.PENDING_APPROVAL);
        return new Notice(NoticeKind.DECISION_NEEDED, w, Audience.decidersOf(w),
                "Still waiting for a decision: " + Wording.request(w),
                "This writ has waited for a decision since " + Wording.time(w.submittedAt()) + ". It needs "
                        + Wording.approvalsSoFar(w) + ". Approve or reject it in your approval inbox.", now, null);
    }

    /** The approvers took too long: the backup group is asked as well. */
    public static Notice escalated(Writ w, String backupGroup, Instant now) {
        requireState(w, WritState.PENDING_APPROVAL);
        return new Notice(NoticeKind.DECISION_NEEDED, w, Audience.groupAskedToDecide(w, backupGroup),
                "Escalated to " + backupGroup + ", decision needed: " + Wording.request(w),
                "The approvers have not decided on this writ since " + Wording.time(w.submittedAt())
                        + ", so members of " + backupGroup + " may now decide on it too. It needs "
                        + Wording.approvalsSoFar(w) + ".", now, null);
    }

    /** The requester asks for more time: those who may decide on the extension are asked. */
    public static Notice extensionRequested(Writ w, Instant now) {
        var extension = w.pendingExtension().orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " has no extension awaiting a decision"));
        return new Notice(NoticeKind.EXTENSION_REQUESTED, w, Audience.extensionDecidersOf(w),
                "More time asked: " + w.requester() + " asks " + extension.minutes() + " more minutes of "
                        + Wording.access(w) + " " + Wording.onTicket(w),
                w.requester() + " asks for " + extension.minutes() + " more minutes; the window now ends "
                        + Wording.time(Wording.windowEnd(w)) + ". One approval decides it: approve or reject it "
                        + "in your approval inbox.", now, null);
    }

    /** Final approval reached (or approved at once by policy): the requester is told; the grant follows. */
    public static Notice approved(Writ w, Instant now) {
        requireState(w, WritState.APPROVED);
        var approvers = w.approvals().stream().filter(a -> a.decision() == Decision.APPROVE)
                .map(a -> a.approver()).toList();
        return new Notice(NoticeKind.APPROVED, w, Audience.requesterOf(w),
                "Approved: " + Wording.accessForTarget(w),
                (approvers.isEmpty() ? "Approved at once by policy." : "Approved by " + String.join(", ", approvers)
                        + ".") + " The entitlement is being granted in Keycloak now; the " + w.requestedMinutes()
                        + "-minute window starts when it is granted.", now, null);
    }

    /** An approver said no: the requester is told who and why. */
    public static Notice rejected(Writ w, Instant now) {
        requireState(w, WritState.REJECTED);
        return new Notice(NoticeKind.REJECTED, w, Audience.requesterOf(w),
                "Rejected: " + Wording.accessForTarget(w),
                Wording.lastDecisionBy(w) + " rejected it: " + Wording.lastComment(w) + ". Nothing was granted.",
                now, null);
    }

    /** Nobody decided in time: the requester is told nothing was granted. */
    public static Notice expiredUnapproved(Writ w, Instant now) {
        requireState(w, WritState.EXPIRED_UNAPPROVED);
        return new Notice(NoticeKind.EXPIRED_UNAPPROVED, w, Audience.requesterOf(w),
                "Not decided in time: " + Wording.accessForTarget(w),
                "Nobody decided before the approval deadline, so nothing was granted. Ask again if the work is "
                        + "still to be done.", now, null);
    }

    /** The latest extension was decided: the requester is told the outcome and when the window ends. */
    public static Notice extensionDecided(Writ w, Instant now) {
        var extension = w.extension().filter(e -> !e.isPending()).orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " has no decided extension"));
        var by = extension.decidedBy().orElse("?");
        var end = Wording.time(Wording.windowEnd(w));
        if (extension.state() == ExtensionState.APPROVED) {
            return new Notice(NoticeKind.EXTENSION_APPROVED, w, Audience.requesterOf(w),
                    "More time approved: " + Wording.access(w) + " for " + w.target() + " now ends " + end,
                    by + " approved " + extension.minutes() + " more minutes: the window now ends " + end + ".",
                    now, null);
        }
        return new Notice(NoticeKind.EXTENSION_REJECTED, w, Audience.requesterOf(w),
                "More time refused: " + Wording.accessForTarget(w),
                by + " refused " + extension.minutes() + " more minutes: " + extension.comment().orElse("")
                        + ". The window still ends " + end + ".", now, null);
    }

    /**
     * The window of an active writ ends within the warning time: the requester is warned, once per end (an
     * approved extension moves the end, and the warning with it). Empty when no warning is due now.
     */
    public static Optional<Notice> expiringSoon(Writ w, Instant now, Duration warning) {
        var end = w.grant().filter(g -> g.endRequestedAt().isEmpty()).map(Grant::expiresAt);
        if (w.state() != WritState.ACTIVE || end.isEmpty() || !now.isBefore(end.get())
                || Duration.between(now, end.get()).compareTo(warning) > 0) {
            return Optional.empty();
        }
        var left = Wording.minutesLeft(now, end.get());
        return Optional.of(new Notice(NoticeKind.EXPIRING_SOON, w, Audience.requesterOf(w),
                "Ends in " + left + ": " + Wording.accessForTarget(w),
                "The window ends " + Wording.time(end.get()) + ", in " + left + "; the entitlement is then revoked "
                        + "and the sessions logged out. If the work is not done, ask for more time in My writs.",
                now, expiryWarningKey(w.id(), end.get())));
    }

    /** The key that makes the warning for this window end unique. */
    public static String expiryWarningKey(String writId, Instant windowEnd) {
        return NoticeKind.EXPIRING_SOON.name() + ":" + writId + ":" + windowEnd;
    }

    /** The entitlement was removed and read back absent: the requester is told, with the reason. */
    public static Notice revoked(Writ w, Instant now) {
        var grant = w.grant().filter(g -> g.revokedAt().isPresent()).orElseThrow(() ->
                new IllegalStateException("writ " + w.id() + " is not revoked"));
        var reason = Wording.reason(w, grant.revocationReason().orElseThrow());
        return new Notice(NoticeKind.REVOKED, w, Audience.requesterOf(w),
                "Revoked: " + Wording.accessForTarget(w) + " (" + reason + ")",
                w.entitlement() + " was removed from " + w.target() + " in Keycloak at "
                        + Wording.time(grant.revokedAt().orElseThrow()) + " and read back absent; the Keycloak "
                        + "sessions were logged out. Reason: " + reason + ". Access tokens already issued stay "
                        + "valid until they expire (minutes).", now, null);
    }

    /** The access is gone: the requester (and the NHI's owner) is asked whether it was used as intended. */
    public static Notice postAccessReviewNeeded(Writ w, Instant now) {
        if (!w.awaitsPostAccessReview()) {
            throw new IllegalStateException("writ " + w.id() + " awaits no post-access review");
        }
        return new Notice(NoticeKind.POST_ACCESS_REVIEW_NEEDED, w, Audience.requesterOf(w),
                "Was it used as intended? " + Wording.accessForTarget(w),
                "The writ has ended and its access was revoked. Say on your My writs page (or POST "
                        + "/api/v1/requests/" + w.id() + "/post-access-review) whether it was used as intended; "
                        + "your answer is evidence in the next access review of " + w.entitlement() + ".",
                now, null);
    }

    /** The glass was broken: security and the skipped approvers are told at once, with the reason given. */
    public static Notice breakGlass(Writ w, String securityGroup, Instant now) {
        var grant = w.grant().orElseThrow(() -> new IllegalStateException("writ " + w.id() + " is not granted"));
        return new Notice(NoticeKind.BREAK_GLASS, w, Audience.watchersOfBrokenGlass(w, securityGroup),
                "Break-glass: " + w.requester() + " took " + Wording.accessForTarget(w) + " without approval",
                w.requester() + " broke the glass: " + w.entitlement() + " was granted to " + w.target() + " at "
                        + Wording.time(grant.grantedAt()) + " until " + Wording.time(grant.expiresAt())
                        + " without approval. Reason given: " + w.justification() + ". Security reviews it "
                        + "afterwards; its sessions are watched.", now, null);
    }

    // --- delivery -----------------------------------------------------------------------------------------------

    /**
     * Takes this attempt: nobody else attempts the notice before the lease runs out (several portal instances may
     * share the outbox); an attempt that dies half-way is taken up again then. False when already delivered.
     */
    public boolean claim(Instant now, Duration lease) {
        if (isDelivered()) {
            return false;
        }
        nextAttemptAt = now.plus(lease);
        return true;
    }

    public boolean isAddressed() {
        return addressedAt != null;
    }

    /**
     * Turns the audience into recipients, once: the people named and the groups' members as the directory lists
     * them now, each once, less those the audience excepts. Each is to be mailed when mail is on and they have an
     * address. Returns the recipients; an addressed notice keeps its recipients.
     */
    public List<Recipient> address(Collection<Contact> people, boolean mailOn, Instant now) {
        if (!isAddressed()) {
            for (var person : people) {
                if (audience.admits(person.username())
                        && recipients.stream().noneMatch(r -> r.username().equals(person.username()))) {
                    recipients.add(new Recipient(person, mailOn));
                }
            }
            addressedAt = Objects.requireNonNull(now, "now");
        }
        return recipients();
    }

    /** The in-app message of one recipient. */
    public InAppMessage messageFor(Recipient recipient) {
        if (!recipients.contains(recipient)) {
            throw new IllegalArgumentException(recipient.username() + " is no recipient of notice " + id);
        }
        return new InAppMessage(this, recipient.username());
    }

    /** The recipients whose mail has not gone out yet. */
    public List<Recipient> awaitingMail() {
        return recipients.stream().filter(r -> r.mailState() == MailState.PENDING).toList();
    }

    /** This recipient's mail went out; their mail is never sent again. */
    public void mailed(String username, Instant at) {
        recipients.stream().filter(r -> r.username().equals(username)).forEach(r -> r.mailed(at));
    }

    /**
     * This recipient's address is refused for good (malformed, or unknown to the mail server): their mail is not
     * tried again, so it cannot hold up the notice forever; they still have the in-app message.
     */
    public void mailRefused(String username) {
        recipients.stream().filter(r -> r.username().equals(username)).forEach(Recipient::notMailed);
    }

    /** Whether the webhook still has to be posted (when there is one). */
    public boolean awaitsWebhook(boolean webhookOn) {
        return webhookOn && webhookPostedAt == null;
    }

    public void webhookPosted(Instant at) {
        if (webhookPostedAt == null) {
            webhookPostedAt = Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The end of an attempt: delivered when addressed, every mail out and the webhook posted (what is switched off
     * is not waited for); otherwise another attempt after the backoff, with what went wrong kept for the operator.
     */
    public void attempted(Instant now, boolean mailOn, boolean webhookOn, List<String> problems, Backoff backoff) {
        if (!mailOn) {
            recipients.forEach(Recipient::notMailed);
        }
        if (isAddressed() && awaitingMail().isEmpty() && !awaitsWebhook(webhookOn)) {
            deliveredAt = now;
            lastProblem = null;
            return;
        }
        attempts++;
        lastProblem = cut(problems.isEmpty() ? "incomplete" : String.join("; ", problems), MAX_PROBLEM);
        nextAttemptAt = now.plus(backoff.after(attempts));
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    // --- what the notice says about itself ----------------------------------------------------------------------

    public String id() { return id; }
    public NoticeKind kind() { return kind; }
    public String writId() { return writId; }
    public java.util.Optional<String> campaignId() { return java.util.Optional.ofNullable(campaignId); }
    public Audience audience() { return audience; }
    public String subject() { return subject; }
    /** The body without a link: where the reader acts depends on where it is read (mail, page, chat). */
    public String body() { return body; }
    public Optional<String> onceKey() { return Optional.ofNullable(onceKey); }
    public Instant createdAt() { return createdAt; }
    public List<Recipient> recipients() { return Collections.unmodifiableList(recipients); }
    public Optional<Instant> addressedAt() { return Optional.ofNullable(addressedAt); }
    public Optional<Instant> webhookPostedAt() { return Optional.ofNullable(webhookPostedAt); }
    public Optional<Instant> deliveredAt() { return Optional.ofNullable(deliveredAt); }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Optional<String> lastProblem() { return Optional.ofNullable(lastProblem); }

    private static void requireState(Writ w, WritState expected) {
        if (w.state() != expected) {
            throw new IllegalStateException("writ " + w.id() + " is " + w.state() + ", not " + expected);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
