package io.writ.domain.bastion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A login a bastion refused because no writ opened it: who, when, from where, and which writ was missing. */
@Entity
@Table(name = "bastion_login_refusal")
public class LoginRefusal {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 200)
    private String bastion;

    @Column(nullable = false, length = 200)
    private String identity;

    @Column(nullable = false, length = 200)
    private String account;

    @Column(name = "from_address", length = 200)
    private String from;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 2000)
    private String reason;

    protected LoginRefusal() {
    }

    public static LoginRefusal of(BastionLogin login, LoginDecision decision, Instant at) {
        if (decision.admitted()) {
            throw new IllegalArgumentException("an admitted login is no refusal");
        }
        var r = new LoginRefusal();
        r.id = UUID.randomUUID().toString();
        r.bastion = login.bastion();
        r.identity = login.identity();
        r.account = login.account();
        r.from = login.from();
        r.at = Objects.requireNonNull(at, "at");
        r.reason = decision.reason().length() > 2000 ? decision.reason().substring(0, 1999) + "…" : decision.reason();
        return r;
    }

    public String id() { return id; }
    public String bastion() { return bastion; }
    public String identity() { return identity; }
    public String account() { return account; }
    public String from() { return from; }
    public Instant at() { return at; }
    public String reason() { return reason; }
}
