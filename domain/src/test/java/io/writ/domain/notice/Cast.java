package io.writ.domain.notice;

import io.writ.domain.identity.Contact;

import java.time.Instant;

import static java.time.temporal.ChronoUnit.MINUTES;

/** The demo realm's people as the directory lists them for delivery, for the notice tests. */
final class Cast {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");


    static final Contact ALICE_MAIL = new Contact("alice", "alice@writ.example");
    static final Contact BOB_MAIL = new Contact("bob", "bob@writ.example");
    static final Contact CAROL_MAIL = new Contact("carol", "carol@writ.example");
    static final Contact FRANK_MAIL = new Contact("frank", "frank@writ.example");

    private Cast() {
    }

    static Instant at(long minutesAfterT0) {
        return T0.plus(minutesAfterT0, MINUTES);
    }
}
