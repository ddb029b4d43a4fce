package io.writ.workflow.receipt;

import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The not-before of each identity as Writ read it back when it revoked the identity's writs: Writ's own API refuses
 * a token issued before it, as Keycloak's introspection does, though the portal verifies tokens offline and remembers
 * those it verified. Known at once on the node that revoked; read from the database by the others, at most
 * {@link #FRESH} late.
 */
@ApplicationScoped
public class TokenCutoffs {

    /** How long an identity's not-before, as read from the database, is taken as current. */
    static final Duration FRESH = Duration.ofSeconds(1);
    /** Identities remembered at most; when full, all are read afresh. */
    static final int MAX = 50_000;

    private record Known(Optional<Instant> notBefore, Instant readAt) {
    }

    @Inject
    WritRepository writs;

    Clock clock = Clock.systemUTC();

    private final Map<String, Known> known = new ConcurrentHashMap<>();

    /** Whether a token of this identity, issued then, was issued before a revocation's not-before. */
    public boolean issuedBeforeRevocation(String identity, Instant issuedAt) {
        var now = clock.instant();
        var cutoff = known.get(identity);
        if (cutoff == null || !now.isBefore(cutoff.readAt().plus(FRESH))) {
            if (known.size() >= MAX) {
                known.clear();
            }
            cutoff = new Known(writs.tokensRejectedFrom(identity), now);
            known.put(identity, cutoff);
        }
        return cutoff.notBefore().filter(issuedAt::isBefore).isPresent();
    }

    /** A revocation on this node: its not-before holds at once. */
    void revoked(@Observes WritEvent event) {
        if (event.kind() != WritEvent.Kind.REVOKED) {
            return;
        }
        event.writ().grant().flatMap(g -> g.tokensRejectedFrom()).ifPresent(notBefore ->
                known.merge(event.writ().target(), new Known(Optional.of(notBefore), clock.instant()),
                        (old, fresh) -> old.notBefore().filter(o -> o.isAfter(notBefore)).isPresent() ? old : fresh));
    }
}
