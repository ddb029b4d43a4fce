package io.writ.domain.notice;

import io.writ.domain.identity.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One person a notice was delivered to, with their address at that time and whether their mail went out: a retry
 * mails only those whose mail did not, so nobody gets the same mail twice because someone else's failed. Created
 * only by the notice.
 */
@Entity
@Table(name = "notice_recipient")
public class Recipient {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String username;

    @Column(length = 320)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "mail_state", nullable = false, length = 10)
    private MailState mailState;

    @Column(name = "mailed_at")
    private Instant mailedAt;

    protected Recipient() {
        // for JPA
    }

    Recipient(Contact contact, boolean mailOn) {
        this.id = UUID.randomUUID().toString();
        this.username = contact.username();
        this.email = contact.email();
        this.mailState = mailOn && email != null ? MailState.PENDING : MailState.NOT_MAILED;
    }

    void mailed(Instant at) {
        if (mailState == MailState.PENDING) {
            mailState = MailState.SENT;
            mailedAt = Objects.requireNonNull(at, "at");
        }
    }

    void notMailed() {
        if (mailState == MailState.PENDING) {
            mailState = MailState.NOT_MAILED;
        }
    }

    public String username() { return username; }
    public Optional<String> email() { return Optional.ofNullable(email); }
    public MailState mailState() { return mailState; }
    public Optional<Instant> mailedAt() { return Optional.ofNullable(mailedAt); }
}
