package io.writ.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Arranges the test Keycloak the way a Keycloak administrator would, through its admin REST API with the master
 * admin (admin/admin): test users, groups and client roles, each removed again by the test that made it. Plain HTTP
 * on purpose, so a test does not check the adapter with the adapter. Runs inside the container (uses JSON-P).
 */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REALM = TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ";

    private final String token;

    private KeycloakAdmin(String token) {
        this.token = token;
    }

    /** Signs in as the master-realm administrator (its token lasts a minute: sign in once per test). */
    static KeycloakAdmin signIn() {
        var form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        var request = HttpRequest.newBuilder(URI.create(
                        TestEnvironment.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return new KeycloakAdmin(object(expect(200, send(request))).getString("access_token"));
    }

    /** A fresh person with a complete profile and the given attributes; one left over from a broken run goes first. */
    void createUser(String username, Map<String, String> attributes) {
        deleteUser(username);
        var attributeJson = Json.createObjectBuilder();
        attributes.forEach((name, value) -> attributeJson.add(name, Json.createArrayBuilder().add(value)));
        var user = Json.createObjectBuilder()
                .add("username", username).add("enabled", true)
                .add("email", username + "@writ.example").add("firstName", username).add("lastName", "Test")
                .add("attributes", attributeJson)
                .build();
        expect(201, send(request("/users").POST(json(user))));
    }

    void deleteUser(String username) {
        userId(username).ifPresent(id -> expect(204, send(request("/users/" + id).DELETE())));
    }

    /** A top-level group; one left over from a broken run goes first. */
    void createGroup(String name) {
        deleteGroup(name);
        expect(201, send(request("/groups").POST(json(Json.createObjectBuilder().add("name", name).build()))));
    }

    void deleteGroup(String name) {
        groupId(name).ifPresent(id -> expect(204, send(request("/groups/" + id).DELETE())));
    }

    boolean groupExists(String name) {
        return groupId(name).isPresent();
    }

    void addToGroup(String username, String group) {
        var path = "/users/" + userId(username).orElseThrow() + "/groups/" + groupId(group).orElseThrow();
        expect(204, send(request(path).PUT(HttpRequest.BodyPublishers.noBody())));
    }

    /** Maps the realm role to the user directly, as a Keycloak administrator would in the console. */
    void assignRealmRole(String username, String role) {
        expect(204, send(request("/users/" + userId(username).orElseThrow() + "/role-mappings/realm")
                .POST(json(Json.createArrayBuilder().add(realmRole(role)).build()))));
    }

    /** Removes the user's direct mapping of the realm role. */
    void unassignRealmRole(String username, String role) {
        expect(204, send(request("/users/" + userId(username).orElseThrow() + "/role-mappings/realm")
                .method("DELETE", json(Json.createArrayBuilder().add(realmRole(role)).build()))));
    }

    private JsonObject realmRole(String role) {
        return object(expect(200, send(request("/roles/" + encode(role)).GET())));
    }

    void disableUser(String username) {
        var path = "/users/" + userId(username).orElseThrow();
        var user = Json.createObjectBuilder(object(expect(200, send(request(path).GET())))).add("enabled", false);
        expect(204, send(request(path).PUT(json(user.build()))));
    }

    /** A subgroup of a top-level group (the parent is then named "parent/name" by path). */
    void createSubgroup(String parent, String name) {
        expect(201, send(request("/groups/" + groupId(parent).orElseThrow() + "/children")
                .POST(json(Json.createObjectBuilder().add("name", name).build()))));
    }

    /** Maps a realm role to a group, so its members hold the role through it. */
    void giveGroupRealmRole(String group, String role) {
        var representation = object(expect(200, send(request("/roles/" + encode(role)).GET())));
        expect(204, send(request("/groups/" + groupId(group).orElseThrow() + "/role-mappings/realm")
                .POST(json(Json.createArrayBuilder().add(representation).build()))));
    }

    /** A role of the client; one left over from a broken run goes first. */
    void createClientRole(String clientId, String role) {
        deleteClientRole(clientId, role);
        expect(201, send(request("/clients/" + clientUuid(clientId) + "/roles")
                .POST(json(Json.createObjectBuilder().add("name", role).build()))));
    }

    void deleteClientRole(String clientId, String role) {
        var response = send(request("/clients/" + clientUuid(clientId) + "/roles/" + encode(role)).DELETE());
        if (response.statusCode() != 404) {
            expect(204, response);
        }
    }

    private Optional<String> userId(String username) {
        var found = array(expect(200, send(request("/users?exact=true&username=" + encode(username)).GET())));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getJsonObject(0).getString("id"));
    }

    private Optional<String> groupId(String name) {
        var path = java.util.Arrays.stream(name.split("/")).map(KeycloakAdmin::encode)
                .collect(java.util.stream.Collectors.joining("/"));
        var response = send(request("/group-by-path/" + path).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(object(expect(200, response)).getString("id"));
    }

    private String clientUuid(String clientId) {
        return array(expect(200, send(request("/clients?clientId=" + encode(clientId)).GET())))
                .getJsonObject(0).getString("id");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(REALM + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher json(JsonValue value) {
        return HttpRequest.BodyPublishers.ofString(value.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + TestEnvironment.KEYCLOAK_URL + " not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response.body();
    }

    private static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static JsonArray array(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readArray();
        }
    }
}
