package io.writ.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The test Keycloak as its administrator sees it, through the admin REST API with the master admin (admin/admin):
 * what Keycloak itself says (the independent check that a grant or revocation really happened), and what a Keycloak
 * administrator would arrange by hand (users, groups, client roles, NHI clients), each removed again by the test
 * that made it. Plain HTTP and JSON-P on purpose, so a test does not check the adapter with the adapter; it runs in
 * the test JVM and inside the container too (Payara Micro has JSON-P, the JDK the HTTP client).
 */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REALM = TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ";
    /** A token is renewed this long before Keycloak says it expires (the master realm's last a minute). */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private static String token;
    private static Instant renewAt = Instant.MIN;

    private KeycloakAdmin() {
    }

    // --- what Keycloak says --------------------------------------------------------------------------------------

    /** Whether the realm role is mapped to the user directly. */
    static boolean holdsRealmRole(String username, String role) {
        return array(expect(200, call("GET", "/users/" + userId(username) + "/role-mappings/realm", null)))
                .getValuesAs(JsonObject.class).stream().anyMatch(mapped -> role.equals(mapped.getString("name")));
    }

    /** The ids of the user's open sessions. */
    static Set<String> sessionIds(String username) {
        return array(expect(200, call("GET", "/users/" + userId(username) + "/sessions", null)))
                .getValuesAs(JsonObject.class).stream().map(session -> session.getString("id"))
                .collect(Collectors.toSet());
    }

    /** The admin events Keycloak recorded for the user's realm role mappings, newest first (operation types). */
    static List<String> roleMappingEvents(String username) {
        return array(expect(200, call("GET", "/admin-events?resourceTypes=REALM_ROLE_MAPPING&resourcePath=users/"
                + userId(username) + "/role-mappings/realm&max=1000", null)))
                .getValuesAs(JsonObject.class).stream().map(event -> event.getString("operationType")).toList();
    }

    /** When Keycloak recorded each admin event of the user's realm role mappings. */
    static List<java.time.Instant> roleMappingEventTimes(String username) {
        return array(expect(200, call("GET", "/admin-events?resourceTypes=REALM_ROLE_MAPPING&resourcePath=users/"
                + userId(username) + "/role-mappings/realm&max=1000", null)))
                .getValuesAs(JsonObject.class).stream()
                .map(event -> java.time.Instant.ofEpochMilli(event.getJsonNumber("time").longValue())).toList();
    }

    /** The client's current secret, as its owner would read it from Keycloak. */
    static String clientSecret(String clientId) {
        return object(expect(200, call("GET", "/clients/" + clientUuid(clientId) + "/client-secret", null)))
                .getString("value");
    }

    static boolean userExists(String username) {
        return userIdIfAny(username).isPresent();
    }

    static boolean groupExists(String name) {
        return groupId(name).isPresent();
    }

    // --- people --------------------------------------------------------------------------------------------------

    /**
     * A fresh person without a password, with a complete profile and the given attributes; one left over from a
     * broken run goes first.
     */
    static void createUser(String username, Map<String, String> attributes) {
        deleteUser(username);
        var attributeJson = Json.createObjectBuilder();
        attributes.forEach((name, value) -> attributeJson.add(name, Json.createArrayBuilder().add(value)));
        create(Json.createObjectBuilder()
                .add("username", username).add("enabled", true)
                .add("email", username + "@writ.example").add("firstName", username).add("lastName", "Test")
                .add("attributes", attributeJson));
    }

    /**
     * A third-party administrator (user attribute {@code writ.third-party}) who signs in with password = username and
     * holds the realm role.
     */
    static void createThirdPartyUser(String username, String realmRole) {
        create(withPassword(username, "contractor.example", "Tina", "Contractor").add("attributes",
                Json.createObjectBuilder().add("writ.third-party", Json.createArrayBuilder().add("true"))));
        assignRealmRole(username, realmRole);
    }

    /** A requester (realm role {@code requester}) who signs in with password = username. */
    static void createRequester(String username) {
        create(withPassword(username, "writ.example", "Rita", "Requester"));
        assignRealmRole(username, "requester");
    }

    /** Removes the user, if there is one of that name. */
    static void deleteUser(String username) {
        userIdIfAny(username).ifPresent(id -> expect(204, call("DELETE", "/users/" + id, null)));
    }

    /** Disables the user, as an administrator does when someone leaves (a disabled NHI owner is a finding). */
    static void disableUser(String username) {
        var path = "/users/" + userId(username);
        var user = Json.createObjectBuilder(object(expect(200, call("GET", path, null)))).add("enabled", false);
        expect(204, call("PUT", path, user.build()));
    }

    /** Maps the realm role to the user directly, as an administrator would by hand: standing privilege. */
    static void assignRealmRole(String username, String role) {
        expect(204, call("POST", "/users/" + userId(username) + "/role-mappings/realm",
                Json.createArrayBuilder().add(realmRole(role)).build()));
    }

    /** Removes the user's direct mapping of the realm role. */
    static void unassignRealmRole(String username, String role) {
        expect(204, call("DELETE", "/users/" + userId(username) + "/role-mappings/realm",
                Json.createArrayBuilder().add(realmRole(role)).build()));
    }

    /** A realm role of the test's own (for an entitlement made by the test). */
    static void createRealmRole(String name) {
        expect(201, call("POST", "/roles", Json.createObjectBuilder().add("name", name).build()));
    }

    // --- groups and client roles ---------------------------------------------------------------------------------

    /** A top-level group; one left over from a broken run goes first. */
    static void createGroup(String name) {
        deleteGroup(name);
        expect(201, call("POST", "/groups", Json.createObjectBuilder().add("name", name).build()));
    }

    /** A subgroup of a top-level group (the parent is then named "parent/name" by path). */
    static void createSubgroup(String parent, String name) {
        expect(201, call("POST", "/groups/" + groupId(parent).orElseThrow() + "/children",
                Json.createObjectBuilder().add("name", name).build()));
    }

    static void deleteGroup(String name) {
        groupId(name).ifPresent(id -> expect(204, call("DELETE", "/groups/" + id, null)));
    }

    static void addToGroup(String username, String group) {
        expect(204, call("PUT", "/users/" + userId(username) + "/groups/" + groupId(group).orElseThrow(), null));
    }

    /** Maps a realm role to a group, so its members hold the role through it. */
    static void giveGroupRealmRole(String group, String role) {
        expect(204, call("POST", "/groups/" + groupId(group).orElseThrow() + "/role-mappings/realm",
                Json.createArrayBuilder().add(realmRole(role)).build()));
    }

    /** A role of the client; one left over from a broken run goes first. */
    static void createClientRole(String clientId, String role) {
        deleteClientRole(clientId, role);
        expect(201, call("POST", "/clients/" + clientUuid(clientId) + "/roles",
                Json.createObjectBuilder().add("name", role).build()));
    }

    static void deleteClientRole(String clientId, String role) {
        var response = call("DELETE", "/clients/" + clientUuid(clientId) + "/roles/" + encode(role), null);
        if (response.statusCode() != 404) {
            expect(204, response);
        }
    }

    // --- clients -------------------------------------------------------------------------------------------------

    /** A confidential client with a service account, its secret and its owner (client attribute writ.owner). */
    static void createNhi(String clientId, String secret, String owner) {
        expect(201, call("POST", "/clients", Json.createObjectBuilder()
                .add("clientId", clientId).add("enabled", true).add("publicClient", false)
                .add("serviceAccountsEnabled", true).add("standardFlowEnabled", false).add("secret", secret)
                .add("attributes", Json.createObjectBuilder().add("writ.owner", owner))
                .build()));
    }

    /** Sets a client's secret, as an administrator rotating it would (the old one stops working at once). */
    static void setClientSecret(String clientId, String secret) {
        var path = "/clients/" + clientUuid(clientId);
        var client = object(expect(200, call("GET", path, null)));
        expect(204, call("PUT", path, Json.createObjectBuilder(client).add("secret", secret).build()));
    }

    static void deleteClient(String clientId) {
        expect(204, call("DELETE", "/clients/" + clientUuid(clientId), null));
    }

    /**
     * Lets the portal's sign-in return to another address (a second portal node), as an administrator adds a
     * node's address, or the load balancer's, to the client's valid redirect URIs.
     */
    static void allowPortalRedirectsTo(String baseUrl) {
        var path = "/clients/" + clientUuid("writ-portal");
        var client = object(expect(200, call("GET", path, null)));
        var allowed = baseUrl + "/*";
        var redirects = client.containsKey("redirectUris") ? client.getJsonArray("redirectUris")
                : JsonValue.EMPTY_JSON_ARRAY;
        if (redirects.getValuesAs(JsonString.class).stream().anyMatch(uri -> uri.getString().equals(allowed))) {
            return;
        }
        var changed = Json.createObjectBuilder(client)
                .add("redirectUris", Json.createArrayBuilder(redirects).add(0, allowed));
        expect(204, call("PUT", path, changed.build()));
    }

    // --- lookups -------------------------------------------------------------------------------------------------

    private static String userId(String username) {
        return userIdIfAny(username).orElseThrow(() ->
                new IllegalStateException("no user " + username + " in the test Keycloak"));
    }

    private static Optional<String> userIdIfAny(String username) {
        var found = array(expect(200, call("GET", "/users?exact=true&username=" + encode(username), null)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getJsonObject(0).getString("id"));
    }

    private static Optional<String> groupId(String name) {
        var path = Arrays.stream(name.split("/")).map(KeycloakAdmin::encode).collect(Collectors.joining("/"));
        var response = call("GET", "/group-by-path/" + path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(object(expect(200, response)).getString("id"));
    }

    private static String clientUuid(String clientId) {
        var found = array(expect(200, call("GET", "/clients?clientId=" + encode(clientId), null)));
        if (found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in the test Keycloak");
        }
        return found.getJsonObject(0).getString("id");
    }

    private static JsonObject realmRole(String role) {
        return object(expect(200, call("GET", "/roles/" + encode(role), null)));
    }

    private static JsonObjectBuilder withPassword(String username, String domain, String first, String last) {
        return Json.createObjectBuilder()
                .add("username", username).add("enabled", true)
                .add("email", username + "@" + domain).add("emailVerified", true)
                .add("firstName", first).add("lastName", last)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", username).add("temporary", false)));
    }

    private static void create(JsonObjectBuilder user) {
        expect(201, call("POST", "/users", user.build()));
    }

    // --- HTTP ----------------------------------------------------------------------------------------------------

    /** A call on the realm's admin API; a token Keycloak no longer accepts (it was restarted) is renewed once. */
    private static HttpResponse<String> call(String method, String path, JsonValue body) {
        var response = send(request(method, path, body, token(false)));
        if (response.statusCode() == 401) {
            response = send(request(method, path, body, token(true)));
        }
        return response;
    }

    private static HttpRequest request(String method, String path, JsonValue body, String bearer) {
        return HttpRequest.newBuilder(URI.create(REALM + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    /** The master admin's access token, signed in again when it is about to expire or when asked to. */
    private static synchronized String token(boolean renew) {
        if (renew || token == null || Instant.now().isAfter(renewAt)) {
            var request = HttpRequest.newBuilder(URI.create(
                            TestEnvironment.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build();
            var signedIn = Instant.now();
            var answer = object(expect(200, send(request)));
            token = answer.getString("access_token");
            renewAt = signedIn.plusSeconds(answer.getJsonNumber("expires_in").longValue()).minus(MARGIN);
        }
        return token;
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
