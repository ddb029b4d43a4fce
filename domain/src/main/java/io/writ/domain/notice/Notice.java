package io.writ.domain.notice;

import io.writ.domain.identity.Contact;
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
    /** The most a notice's body keeps; longer ones are cut. */
    public static final int MAX_BODY = 4000;
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

    /** When the comment on the writ's ticket was taken by the ticket system; null until then (or never owed). */
    @Column(name = "ticket_commented_at")
    private Instant ticketCommentedAt;

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

    private Notice(NoticeKind kind, String writId, String campaignId, Audience audience, String subject, String body,
                   Instant now, String onceKey) {
        this.id = UUID.randomUUID().toString();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.writId = writId;
        this.campaignId = campaignId;
        this.audience = Objects.requireNonNull(audience, "audience");
        this.subject = cut(subject, MAX_SUBJECT);
        this.body = cut(body, MAX_BODY);
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
        this.onceKey = onceKey;
    }

    /**
     * A notice about a writ. The words are the writ's (see its feature's notices); the notice keeps them as they were
     * when it happened.
     *
     * @param onceKey makes a notice that must exist once unique (a warning per window end); null for the others
     */
    public static Notice aboutWrit(NoticeKind kind, String writId, Audience audience, String subject, String body,
                                   Instant now, String onceKey) {
        return new Notice(kind, Objects.requireNonNull(writId, "writId"), null, audience, subject, body, now, onceKey);
    }

    /** A notice about an access review campaign. */
    public static Notice aboutCampaign(NoticeKind kind, String campaignId, Audience audience, String subject,
                                       String body, Instant now) {
        return new Notice(kind, null, Objects.requireNonNull(campaignId, "campaignId"), audience, subject, body, now,
                null);
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
     * Whether the writ's ticket still has to get this notice as a comment: its kind is one a ticket gets, the writ
     * has a ticket, and the ticket system takes comments.
     */
    public boolean awaitsTicketComment(boolean writHasTicket, boolean commentsOn) {
        return commentsOn && writHasTicket && kind.commentsOnTicket() && ticketCommentedAt == null;
    }

    public void ticketCommented(Instant at) {
        if (ticketCommentedAt == null) {
            ticketCommentedAt = Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The end of an attempt: delivered when addressed, every mail out, the webhook posted and the ticket commented
     * (what is switched off or not owed is not waited for); otherwise another attempt after the backoff, with what
     * went wrong kept for the operator.
     */
    public void attempted(Instant now, boolean mailOn, boolean webhookOn, List<String> problems, Backoff backoff) {
        attempted(now, mailOn, webhookOn, false, problems, backoff);
    }

    /** The same, when the ticket's comment is still owed ({@link #awaitsTicketComment}). */
    public void attempted(Instant now, boolean mailOn, boolean webhookOn, boolean ticketCommentOwed,
                          List<String> problems, Backoff backoff) {
        if (!mailOn) {
            recipients.forEach(Recipient::notMailed);
        }
        if (isAddressed() && awaitingMail().isEmpty() && !awaitsWebhook(webhookOn) && !ticketCommentOwed) {
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
    public Optional<String> campaignId() { return Optional.ofNullable(campaignId); }
    public Audience audience() { return audience; }
    public String subject() { return subject; }
    /** The body without a link: where the reader acts depends on where it is read (mail, page, chat). */
    public String body() { return body; }
    public Optional<String> onceKey() { return Optional.ofNullable(onceKey); }
    public Instant createdAt() { return createdAt; }
    public List<Recipient> recipients() { return Collections.unmodifiableList(recipients); }
    public Optional<Instant> addressedAt() { return Optional.ofNullable(addressedAt); }
    public Optional<Instant> webhookPostedAt() { return Optional.ofNullable(webhookPostedAt); }
    public Optional<Instant> ticketCommentedAt() { return Optional.ofNullable(ticketCommentedAt); }
    public Optional<Instant> deliveredAt() { return Optional.ofNullable(deliveredAt); }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Optional<String> lastProblem() { return Optional.ofNullable(lastProblem); }


    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
