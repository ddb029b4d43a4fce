package io.writ.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An API answer that something went wrong, as problem details (RFC 9457, {@code application/problem+json}):
 * {@code type}, {@code title}, {@code status}, {@code detail}. It also carries the members the API's clients read
 * before problem details were adopted: {@code error} (the detail) and {@code errors} (field errors, none unless
 * given). The same answer whether JAX-RS gives it ({@link #response()}) or the portal answers before JAX-RS is
 * reached ({@link #send(HttpServletResponse)}: the bearer token's 401, the container's refusals).
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private final int status;
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Problem(int status, String title, String detail) {
        this.status = status;
        // No URI of our own describes each problem: "about:blank" says the status and title are the whole story.
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("error", detail);
        body.put("errors", List.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail);
    }

    /** A member of the answer besides the standard ones (a writ's state, field errors, an incident id). */
    public Problem with(String member, Object value) {
        body.put(member, value);
        return this;
    }

    /** A header of the answer (a {@code WWW-Authenticate} challenge, a {@code Retry-After}). */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The answer from a JAX-RS resource or exception mapper. */
    public Response response() {
        var response = Response.status(status).type(MEDIA_TYPE).entity(new LinkedHashMap<>(body));
        headers.forEach(response::header);
        return response.build();
    }

    /** The answer written straight to the servlet response, for refusals given before JAX-RS is reached. */
    public void send(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Writer.JSON.toJson(body));
        response.flushBuffer();
    }

    /** JSON-B, made when the first problem is written (the container provides it; a unit test of answers needs none). */
    private static final class Writer {
        static final Jsonb JSON = JsonbBuilder.create();
    }
}
