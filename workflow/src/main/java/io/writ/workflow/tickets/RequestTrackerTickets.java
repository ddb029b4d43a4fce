package io.writ.workflow.tickets;

import io.writ.domain.notice.DeliveryFailed;
import io.writ.domain.ticket.TicketFacts;
import io.writ.domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Request Tracker 5 as the ticket system, through its REST 2.0 API with Writ's own account
 * ({@code writ.tickets.user}): {@code CHG-<id>} is RT ticket {@code <id>} in the change queue, {@code INC-<id>} in
 * the incident queue. RT's states map to open or closed ({@code writ.tickets.open-states}); its Owner, Requestors,
 * Cc and AdminCc are the people on the ticket; a change's Starts and Due are its planned window. Comments are
 * written as RT comments (visible to RT's staff, not mailed to requestors).
 */
@ApplicationScoped
@Typed(RequestTrackerTickets.class)
public class RequestTrackerTickets {

    private static final Pattern REF = Pattern.compile("(CHG|INC)-([1-9][0-9]{0,9})");
    /** RT's answer for a date that was never set. */
    private static final Instant UNSET = Instant.EPOCH;
    private static final String NOBODY = "Nobody";

    @Inject
    TicketSettings settings;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Queue names by RT's queue id: they never change their id, and a ticket names only the id. */
    private final Map<String, String> queueNames = new ConcurrentHashMap<>();

    public String format() {
        return "CHG-<RT ticket number> in queue " + settings.changeQueue() + ", INC-<number> in "
                + settings.incidentQueue();
    }

    /** @throws Unreachable RT could not be asked, or refused Writ's account */
    public TicketStatus check(String ref) {
        var matcher = ref == null ? null : REF.matcher(ref);
        if (matcher == null || !matcher.matches()) {
            return TicketStatus.malformed("'" + ref + "' is not a ticket reference: expected " + format()
                    + " (for example CHG-12)");
        }
        var change = matcher.group(1).equals("CHG");
        var answer = get("/ticket/" + matcher.group(2));
        if (answer.statusCode() == 404) {
            return TicketStatus.unknown(ref);
        }
        if (answer.statusCode() == 403) { // in a queue Writ's account may not see: not one of its changes or incidents
            return TicketStatus.unknown(ref + " (RT ticket " + matcher.group(2) + " is in no queue Writ may read)");
        }
        var ticket = object(answer);
        var queue = queueName(ticket.getJsonObject("Queue").getString("id"));
        var expected = change ? settings.changeQueue() : settings.incidentQueue();
        if (!queue.equals(expected)) {
            return TicketStatus.unknown(ref + " (RT ticket " + matcher.group(2) + " is in queue " + queue + ", not "
                    + expected + ")");
        }
        var facts = facts(ref, ticket);
        return settings.openStates().contains(facts.systemState().toLowerCase(Locale.ROOT))
                ? TicketStatus.open(facts, settings.involvement()) : TicketStatus.closed(facts);
    }

    /** Writes a comment on the ticket (RT's "Comment": for staff, not mailed to the requestors). */
    public void comment(String ref, String text) {
        var matcher = REF.matcher(ref);
        if (!matcher.matches()) {
            throw new DeliveryFailed("'" + ref + "' is no Request Tracker ticket", null, true);
        }
        var request = request("/ticket/" + matcher.group(2) + "/comment")
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryFailed("Request Tracker not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("comment interrupted", e);
        }
        if (answer.statusCode() != 201) {
            throw new DeliveryFailed("Request Tracker answered " + answer.statusCode() + " to a comment on " + ref,
                    null);
        }
    }

    /** Whether RT answers Writ's account; throws {@link Unreachable} saying why not. */
    public void verifyReachable() {
        object(get("/rt"));
    }

    private TicketFacts facts(String ref, JsonObject ticket) {
        var owner = Optional.ofNullable(person(ticket.get("Owner"))).filter(o -> !o.equals(NOBODY));
        var involved = new HashSet<String>();
        owner.ifPresent(involved::add);
        for (var role : new String[]{"Requestor", "Cc", "AdminCc"}) {
            var people = ticket.get(role);
            if (people != null && people.getValueType() == JsonValue.ValueType.ARRAY) {
                people.asJsonArray().forEach(p -> Optional.ofNullable(person(p)).ifPresent(involved::add));
            }
        }
        return new TicketFacts(ref, ticket.getString("Subject", ""), ticket.getString("Status", "unknown"), owner,
                involved, true, date(ticket, "Starts"), date(ticket, "Due"));
    }

    private static String person(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
                ? value.asJsonObject().getString("id", null) : null;
    }

    private static Optional<Instant> date(JsonObject ticket, String field) {
        var text = ticket.getString(field, null);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var at = Instant.parse(text);
        return at.equals(UNSET) ? Optional.empty() : Optional.of(at);
    }

    private String queueName(String id) {
        var known = queueNames.get(id);
        if (known != null) {
            return known;
        }
        var name = object(get("/queue/" + id)).getString("Name");
        queueNames.put(id, name);
        return name;
    }

    private HttpResponse<String> get(String path) {
        try {
            var answer = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 401) {
                throw new Unreachable("Request Tracker refuses Writ's account " + settings.user() + " (HTTP "
                        + answer.statusCode() + ")");
            }
            if (answer.statusCode() / 100 == 5) {
                throw new Unreachable("Request Tracker answers HTTP " + answer.statusCode());
            }
            return answer;
        } catch (IOException e) {
            throw new Unreachable("Request Tracker at " + settings.url() + " is not answering (" + e.getClass()
                    .getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while asking Request Tracker");
        }
    }

    private HttpRequest.Builder request(String path) {
        var credentials = settings.user() + ":" + settings.password();
        return HttpRequest.newBuilder(URI.create(settings.url() + "/REST/2.0" + path))
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .header("Accept", "application/json")
                .header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject object(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new Unreachable("Request Tracker answers HTTP " + answer.statusCode());
        }
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new Unreachable("Request Tracker's answer is not the JSON of its REST 2.0 API");
        }
    }

    /** The ticket system could not be asked: nothing is known of the ticket. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }
}
