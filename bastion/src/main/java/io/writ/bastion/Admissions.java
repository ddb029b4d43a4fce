package io.writ.bastion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who the portal lets in at this bastion, as it last said: asked again every {@link #POLL}, so that a login the list
 * names is admitted at once, without a question to the portal while sshd waits. The list is trusted only while it is
 * fresh (asked at most {@link #FRESH} ago, and answered); a look that fails empties it at once. A login the list does
 * not name, or any login while the list is stale, is asked of the portal, which decides it and keeps a refusal: so
 * the portal being away still refuses every new login, within {@link #FRESH}. A writ that ends leaves the list at the
 * next look; a session it opened in between is cut off by the live check like every other.
 */
final class Admissions implements Runnable {

    /** How often the portal is asked who this bastion lets in. */
    static final Duration POLL = Duration.ofMillis(250);
    /** How old a list may be and still admit a login. */
    static final Duration FRESH = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(Admissions.class.getName());

    /** A writ that opens this bastion to its identity until then, with the coverage its sessions are recorded at. */
    record Open(String writ, String coverage, Instant until, Instant listedAt) {
    }

    private record Listed(Map<String, Open> open, Instant askedAt) {
        static final Listed NONE = new Listed(Map.of(), Instant.EPOCH);
    }

    private final WritClient writ;
    private final Clock clock;
    private volatile Listed listed = Listed.NONE;
    private volatile boolean failing;

    Admissions(WritClient writ, Clock clock) {
        this.writ = writ;
        this.clock = clock;
    }

    /** Asks the portal again; whatever goes wrong empties the list (every login is then asked of the portal). */
    @Override
    public void run() {
        var asked = clock.instant();
        try {
            listed = new Listed(parse(writ.admissions(), asked), asked);
            failing = false;
        } catch (WritClient.Unreachable | RuntimeException e) {
            listed = Listed.NONE;
            if (!failing) {
                LOG.warning("the portal's list of who this bastion lets in could not be read; every login is asked "
                        + "of the portal: " + e.getMessage());
            }
            failing = true;
        }
    }

    /** The writ the list opens this bastion under for this identity, while the list is fresh and the writ's window open. */
    Optional<Open> of(String identity) {
        var now = clock.instant();
        var current = listed;
        if (now.isAfter(current.askedAt().plus(FRESH))) {
            return Optional.empty();
        }
        return Optional.ofNullable(current.open().get(identity)).filter(o -> now.isBefore(o.until()));
    }

    private static Map<String, Open> parse(Map<String, Object> answer, Instant asked) {
        var open = new HashMap<String, Open>();
        if (answer.get("admissions") instanceof List<?> list) {
            for (var item : list) {
                if (item instanceof Map<?, ?> one) {
                    open.put(String.valueOf(one.get("identity")), new Open(String.valueOf(one.get("writ")),
                            String.valueOf(one.get("coverage")), Instant.parse(String.valueOf(one.get("until"))),
                            asked));
                }
            }
        }
        return Map.copyOf(open);
    }
}
