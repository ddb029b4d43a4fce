package io.writ.web.api;

import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEventType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a request's session events one by one, so one unreadable event is reported by its index instead of
 * failing the whole request: a JSON object, a JSON array of objects, or NDJSON (one object per line).
 */
final class SessionEventsReader {

    /**
     * Made once: {@code Json.createReader} looks the JSON provider up through the service loader on every call,
     * which took about half of ingestion's time when it ran once per NDJSON line.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** The events that could be read, by their index in the request. */
    final SortedMap<Integer, ReportedEvent> events = new TreeMap<>();
    /** The events that could not be read, with the reason. */
    final List<Rejected> unreadable = new ArrayList<>();

    record Rejected(int index, String reason) {
    }

    private SessionEventsReader() {
    }

    static SessionEventsReader json(String body) {
        var reader = new SessionEventsReader();
        JsonValue value;
        try (var json = READERS.createReader(new StringReader(body))) {
            value = json.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedBody("the body is not JSON: send one event object, an array of them, or NDJSON");
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            var array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                reader.read(i, array.get(i));
            }
        } else {
            reader.read(0, value);
        }
        return reader;
    }

    static SessionEventsReader ndjson(String body) {
        var reader = new SessionEventsReader();
        var lines = body.split("\r?\n");
        int index = 0;
        for (var line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try (var json = READERS.createReader(new StringReader(line))) {
                reader.read(index, json.readValue());
            } catch (JsonException | IllegalStateException e) {
                reader.unreadable.add(new Rejected(index, "line is not a JSON object"));
            }
            index++;
        }
        return reader;
    }

    int size() {
        return events.size() + unreadable.size();
    }

    private void read(int index, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            unreadable.add(new Rejected(index, "not an event object"));
            return;
        }
        var o = value.asJsonObject();
        var problems = new ArrayList<String>();
        SessionEventType type = null;
        var typeName = text(o, "type", problems);
        if (typeName != null) {
            try {
                type = SessionEventType.valueOf(typeName);
            } catch (IllegalArgumentException e) {
                problems.add("type '" + typeName + "' is unknown: one of " + SessionEventType.NAMES);
            }
        }
        Instant at = null;
        var atText = text(o, "at", problems);
        if (atText != null) {
            try {
                at = Instant.parse(atText);
            } catch (DateTimeParseException e) {
                problems.add("at '" + atText + "' is not an ISO-8601 UTC time such as 2026-11-28T09:15:00Z");
            }
        }
        var event = new ReportedEvent(text(o, "eventId", problems), text(o, "sessionId", problems),
                text(o, "identity", problems), type, at, text(o, "target", problems), text(o, "detail", problems),
                text(o, "writ", problems), text(o, "directory", problems));
        if (problems.isEmpty()) {
            events.put(index, event);
            return;
        }
        // Everything else wrong with it too, except "required" for a field that was there but unreadable.
        var typeGiven = typeName != null;
        var atGiven = atText != null;
        event.problems().stream()
                .filter(p -> !(typeGiven && p.startsWith("type is required")) && !(atGiven && p.startsWith("at is required")))
                .forEach(problems::add);
        unreadable.add(new Rejected(index, String.join("; ", problems)));
    }

    /** A string field, or null when absent or JSON null; any other type is a problem. */
    private static String text(JsonObject o, String field, List<String> problems) {
        var v = o.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        problems.add(field + " must be a string");
        return null;
    }

    /** The body as a whole cannot be read (not JSON at all). */
    static final class MalformedBody extends RuntimeException {
        MalformedBody(String message) {
            super(message);
        }
    }
}
