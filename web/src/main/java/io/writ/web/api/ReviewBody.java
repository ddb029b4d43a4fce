package io.writ.web.api;

/** The body of POST /api/v1/requests/{id}/post-incident-review: what happened, and whether it was a real emergency. */
public record ReviewBody(String findings) {
}
