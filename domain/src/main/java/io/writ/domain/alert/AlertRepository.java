package io.writ.domain.alert;

import java.util.List;
import java.util.Optional;

/** The alerts (a port; the adapter keeps them in the database). */
public interface AlertRepository {

    void save(Alert alert);

    Optional<Alert> byId(String id);

    /** Alerts not yet triaged, newest first. */
    List<Alert> open();

    /** The alerts raised in [from, to), oldest first. */
    List<Alert> raisedBetween(java.time.Instant from, java.time.Instant to);

    /** The alerts raised about an identity at or after that instant, newest first (review evidence). */
    List<Alert> aboutIdentitySince(String identity, java.time.Instant since);

    /** The alerts about one writ, oldest first. */
    List<Alert> aboutWrit(String writId);

    /** The alerts raised on a session, oldest first. */
    List<Alert> aboutSession(String sessionId);

    /** Whether an alert was raised on this event already (a record read twice raises one alert). */
    boolean raisedOn(String eventId);
}
