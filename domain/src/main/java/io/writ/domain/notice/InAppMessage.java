package io.writ.domain.notice;

import io.writ.domain.NotFound;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A notice as one person reads it in the portal. Only its recipient ever reads it or marks it read: to anybody
 * else it does not exist.
 */
@Entity
@Table(name = "in_app_message")
public class InAppMessage {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String recipient;

    @Column(name = "notice_id", nullable = false, length = 36)
    private String noticeId;

    @Column(name = "writ_id", length = 36)
    private String writId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private NoticeKind kind;

    @Column(nullable = false, length = Notice.MAX_SUBJECT)
    private String subject;

    @Column(nullable = false, length = Notice.MAX_BODY)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Version
    private long version;

    protected InAppMessage() {
        // for JPA
    }

    InAppMessage(Notice notice, String recipient) {
        this.id = UUID.randomUUID().toString();
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.noticeId = notice.id();
        this.writId = notice.writId();
        this.kind = notice.kind();
        this.subject = notice.subject();
        this.body = notice.body();
        this.createdAt = notice.createdAt();
    }

    /**
     * Whether this person may read the message: only its recipient. Everyone else is told it does not exist rather
     * than that it is not theirs, so ids of other people's messages reveal nothing.
     */
    public InAppMessage requireReader(String who) {
        if (!recipient.equals(who)) {
            throw new NotFound("no message " + id);
        }
        return this;
    }

    /** The recipient has read it. Returns false when it was read already (the first time stands). */
    public boolean markRead(String by, Instant now) {
        requireReader(by);
        if (readAt != null) {
            return false;
        }
        readAt = Objects.requireNonNull(now, "now");
        return true;
    }

    public boolean isRead() {
        return readAt != null;
    }

    public String id() { return id; }
    public String recipient() { return recipient; }
    public String noticeId() { return noticeId; }
    public String writId() { return writId; }
    public NoticeKind kind() { return kind; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> readAt() { return Optional.ofNullable(readAt); }
}
