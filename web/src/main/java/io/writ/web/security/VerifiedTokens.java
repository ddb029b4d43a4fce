package io.writ.web.security;

import io.writ.domain.Sha256;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens already verified, remembered until they expire: a pipeline sends the same token with every call, and
 * checking its signature and claims again each time was 5 % of the portal's CPU under load (BENCHMARKS.md). A token
 * is remembered by its SHA-256, so the tokens themselves are not kept, and only until its own expiry; at most
 * {@link #MAX} at once (when full, the expired are dropped, and nothing new is remembered while it stays full).
 */
final class VerifiedTokens {

    static final int MAX = 10_000;

    private record Verified(Caller caller, Instant expiresAt) {
    }

    private final Map<String, Verified> byDigest = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The caller this token proved, if it was verified and has not expired since. */
    Optional<Caller> recall(String token) {
        var digest = Sha256.hex(token);
        var verified = byDigest.get(digest);
        if (verified == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verified.expiresAt())) {
            byDigest.remove(digest, verified);
            return Optional.empty();
        }
        return Optional.of(verified.caller());
    }

    /** Remembers a token just verified, until it expires. */
    void remember(String token, Caller caller, Instant expiresAt) {
        var now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        if (byDigest.size() >= MAX) {
            byDigest.values().removeIf(v -> !now.isBefore(v.expiresAt()));
            if (byDigest.size() >= MAX) {
                return;
            }
        }
        byDigest.put(Sha256.hex(token), new Verified(caller, expiresAt));
    }

    int size() {
        return byDigest.size();
    }

}
