package io.writ.web.api;

import io.writ.domain.InvalidRequest;
import io.writ.domain.session.SessionRecording;
import io.writ.domain.session.SessionSource;
import io.writ.web.security.PortalRole;
import io.writ.workflow.sessions.SessionEvidence;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Bastions and PSM tools report privileged-session telemetry; each event is linked, checked and kept. */
@Path("v1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session evidence")
public class SessionResource {

    static final String NDJSON = "application/x-ndjson";
    /** The largest body read: 10,000 events of a few hundred bytes fit easily; anything larger is refused. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final int UNLINKED_SHOWN = 200;

    @Inject
    SessionEvidence evidence;

    @Context
    SecurityContext security;

    @POST
    @Path("events")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @RolesAllowed(PortalRole.SESSION_INGEST)
    @Operation(summary = "Report session events: one object, an array, or NDJSON; idempotent by eventId",
            description = "Answers 202 {accepted, duplicates, rejected:[{index, reason}]}; a rejected event is "
                    + "skipped and the others are recorded.")
    public Response report(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body)
            throws IOException {
        var text = read(body);
        if (text == null) {
            return ProblemMapper.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "at most " + MAX_BODY_BYTES + " bytes per request; send several", List.of());
        }
        if (text.isBlank()) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, "no events in the body", List.of());
        }
        SessionEventsReader events;
        try {
            events = contentType != null && contentType.startsWith(NDJSON) ? SessionEventsReader.ndjson(text)
                    : SessionEventsReader.json(text);
        } catch (SessionEventsReader.MalformedBody e) {
            return ProblemMapper.problem(Response.Status.BAD_REQUEST, e.getMessage(), List.of());
        }
        if (events.size() > SessionEvidence.MAX_EVENTS) {
            return ProblemMapper.problem(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "at most " + SessionEvidence.MAX_EVENTS + " events per request; send several", List.of());
        }
        var ingested = evidence.ingest(events.events, SessionSource.BASTION);
        var rejected = new ArrayList<Map<String, Object>>();
        events.unreadable.forEach(r -> rejected.add(Map.of("index", r.index(), "reason", r.reason())));
        ingested.rejected().forEach(r -> rejected.add(Map.of("index", r.index(), "reason", r.reason())));
        rejected.sort(Comparator.comparingInt(r -> (Integer) r.get("index")));
        return Response.accepted(Map.of("accepted", ingested.accepted(), "duplicates", ingested.duplicates(),
                "rejected", rejected)).build();
    }

    @PUT
    @Path("recording")
    @Consumes(SessionRecording.ASCIICAST)
    @RolesAllowed(PortalRole.SESSION_INGEST)
    @Operation(summary = "Keep a session's terminal recording (asciicast v2), once; answers its SHA-256",
            description = "?session= the sender's session id, whose events were sent first. The same recording "
                    + "again answers 200 with kept:false; a different one is a 409: evidence is not replaced.")
    public Map<String, Object> recording(@QueryParam("session") String session, InputStream body) throws IOException {
        if (session == null || session.isBlank()) {
            throw InvalidRequest.of("session", "the sender's id of the session the recording is of");
        }
        var content = body.readNBytes(SessionRecording.MAX_BYTES + 1);
        var kept = evidence.keepRecording(SessionSource.BASTION, session, content, security.getUserPrincipal()
                .getName());
        return Map.of("session", session, "sha256", kept.sha256(), "bytes", kept.bytes(), "kept", kept.now());
    }

    @GET
    @RolesAllowed(PortalRole.SECURITY)
    @Operation(summary = "Privileged sessions no writ covered (?link=UNLINKED), newest first")
    public List<SessionView> list(@QueryParam("link") String link) {
        if (!"UNLINKED".equals(link)) {
            throw InvalidRequest.of("link", "only link=UNLINKED is listed here; a writ's sessions are at "
                    + "/api/v1/requests/{id}/sessions");
        }
        return evidence.unlinked(UNLINKED_SHOWN).stream()
                .map(s -> SessionView.of(s, evidence.eventsOf(s.id()))).toList();
    }

    /** The body as text, or null when it is larger than {@link #MAX_BODY_BYTES}. */
    private static String read(InputStream body) throws IOException {
        var bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
