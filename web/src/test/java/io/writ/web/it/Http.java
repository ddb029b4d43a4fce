package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP calls to the portal under test, as curl or a pipeline would make them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    static HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path)).GET().build());
    }

    static HttpResponse<String> get(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path))
                .header("Authorization", "Bearer " + bearerToken)
                .GET().build());
    }

    static HttpResponse<String> post(String path, String bearerToken, String json) {
        return post(path, bearerToken, "application/json", json);
    }

    static HttpResponse<String> post(String path, String bearerToken, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return send(request.build());
    }

    static HttpResponse<String> put(String path, String bearerToken, String json) {
        return send(HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path))
                .header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A download: the body as bytes (exports are binary). */
    static HttpResponse<byte[]> download(String path, String bearerToken) {
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("Portal not reachable at " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> delete(String path, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(TestEnvironment.portalUrl() + path))
                .header("Authorization", "Bearer " + bearerToken)
                .DELETE().build());
    }

    /**
     * Sent; a 401 for a token the tests fetched ({@link Writs#token}) is sent once more with a fresh one, as a client
     * does when the portal refuses a token issued before a revocation of its user's access.
     */
    private static HttpResponse<String> send(HttpRequest request) {
        var answer = sendOnce(request);
        var bearer = request.headers().firstValue("Authorization").filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()));
        if (answer.statusCode() != 401 || bearer.isEmpty()) {
            return answer;
        }
        return Writs.renewed(bearer.get()).map(fresh -> sendOnce(HttpRequest.newBuilder(request,
                        (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", "Bearer " + fresh).build())).orElse(answer);
    }

    private static HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Portal not reachable at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
