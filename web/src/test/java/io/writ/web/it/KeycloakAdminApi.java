package io.writ.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What the test Keycloak itself says, read over its admin REST API with the master admin (not through the portal):
 * the independent check that a grant or revocation really happened.
 */
final class KeycloakAdminApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakAdminApi() {
    }

    /** The realm roles mapped directly to the user, as Keycloak's JSON. */
    static String realmRoleMappings(String username) {
        return get("/admin/realms/writ/users/" + userId(username) + "/role-mappings/realm");
    }

    static boolean holdsRealmRole(String username, String role) {
        return realmRoleMappings(username).contains("\"name\":\"" + role + "\"");
    }

    /** The user's open sessions, as Keycloak's JSON array. */
    static String sessions(String username) {
        return get("/admin/realms/writ/users/" + userId(username) + "/sessions");
    }

    /** The ids of the user's open sessions. */
    static java.util.Set<String> sessionIds(String username) {
        var ids = new java.util.HashSet<String>();
        var matcher = ID.matcher(sessions(username));
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    static String userId(String username) {
        var found = get("/admin/realms/writ/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        var matcher = ID.matcher(found);
        if (!matcher.find()) {
            throw new IllegalStateException("no user " + username + " in the test Keycloak: " + found);
        }
        return matcher.group(1);
    }

    /**
     * Creates an enabled user with password = username, holding one realm role and marked as a third-party
     * administrator (user attribute {@code writ.third-party}). Returns its id.
     */
    static String createThirdPartyUser(String username, String realmRole) {
        return createUser(username, "contractor.example", "Tina", "Contractor",
                "\"attributes\":{\"writ.third-party\":[\"true\"]},", realmRole);
    }

    /** Creates an enabled requester (realm role {@code requester}) with password = username. Returns its id. */
    static String createRequester(String username) {
        return createUser(username, "writ.example", "Rita", "Requester", "", "requester");
    }

    private static String createUser(String username, String domain, String first, String last, String attributes,
                                     String realmRole) {
        var created = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ/users"))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"enabled\":true,"
                        + "\"email\":\"" + username + "@" + domain + "\",\"emailVerified\":true,"
                        + "\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\"," + attributes
                        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + username + "\",\"temporary\":false}]}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused to create " + username + ": " + created.body());
        }
        assignRealmRole(username, realmRole);
        return userId(username);
    }

    /**
     * Lets the portal's sign-in return to another address (a second portal node), as an administrator adds a
     * node's address, or the load balancer's, to the client's valid redirect URIs.
     */
    static void allowPortalRedirectsTo(String baseUrl) {
        var uuid = clientUuid("writ-portal");
        var client = get("/admin/realms/writ/clients/" + uuid);
        if (client.contains("\"" + baseUrl + "/*\"")) {
            return;
        }
        var changed = client.replaceFirst("\"redirectUris\"\\s*:\\s*\\[", "\"redirectUris\":[\"" + baseUrl + "/*\",");
        var updated = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL
                        + "/admin/realms/writ/clients/" + uuid))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(changed))
                .build());
        if (updated.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused the redirect URI " + baseUrl + ": " + updated.body());
        }
    }

    /** The admin events Keycloak recorded for the user's realm role mappings, newest first (operation types). */
    static java.util.List<String> roleMappingEvents(String username) {
        var events = get("/admin/realms/writ/admin-events?resourceTypes=REALM_ROLE_MAPPING&resourcePath=users/"
                + userId(username) + "/role-mappings/realm&max=1000");
        var operations = new java.util.ArrayList<String>();
        var matcher = Pattern.compile("\"operationType\"\\s*:\\s*\"([A-Z]+)\"").matcher(events);
        while (matcher.find()) {
            operations.add(matcher.group(1));
        }
        return operations;
    }

    /** Maps the realm role to the user directly, as an administrator would by hand: standing privilege. */
    static void assignRealmRole(String username, String realmRole) {
        changeRealmRole(username, realmRole, "POST");
    }

    /** Removes the user's direct mapping of the realm role. */
    static void unassignRealmRole(String username, String realmRole) {
        changeRealmRole(username, realmRole, "DELETE");
    }

    private static void changeRealmRole(String username, String realmRole, String method) {
        var role = get("/admin/realms/writ/roles/" + realmRole);
        var changed = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL
                        + "/admin/realms/writ/users/" + userId(username) + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("[" + role + "]"))
                .build());
        if (changed.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused " + method + " of " + realmRole + " for " + username
                    + ": " + changed.body());
        }
    }

    static void deleteUser(String username) {
        send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ/users/"
                        + userId(username)))
                .header("Authorization", "Bearer " + masterToken())
                .DELETE().build());
    }

    /** Creates a confidential client with a service account, secret and owner (client attribute writ.owner). */
    static void createNhi(String clientId, String secret, String owner) {
        var created = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ/clients"))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"" + clientId + "\",\"enabled\":true,"
                        + "\"publicClient\":false,\"serviceAccountsEnabled\":true,\"standardFlowEnabled\":false,"
                        + "\"secret\":\"" + secret + "\",\"attributes\":{\"writ.owner\":\"" + owner + "\"}}"))
                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused to create client " + clientId + ": " + created.body());
        }
    }

    /** The client's current secret, as its owner would read it from Keycloak. */
    static String clientSecret(String clientId) {
        var matcher = java.util.regex.Pattern.compile("\"value\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(get("/admin/realms/writ/clients/" + clientUuid(clientId) + "/client-secret"));
        if (!matcher.find()) {
            throw new IllegalStateException("no secret for " + clientId);
        }
        return matcher.group(1);
    }

    static void deleteClient(String clientId) {
        send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ/clients/"
                        + clientUuid(clientId)))
                .header("Authorization", "Bearer " + masterToken())
                .DELETE().build());
    }

    /** Enables or disables a user (a disabled NHI owner is a finding). */
    static void setEnabled(String username, boolean enabled) {
        var changed = send(HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + "/admin/realms/writ/users/"
                        + userId(username)))
                .header("Authorization", "Bearer " + masterToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}"))
                .build());
        if (changed.statusCode() != 204) {
            throw new IllegalStateException("Keycloak refused to change " + username + ": " + changed.body());
        }
    }

    private static String clientUuid(String clientId) {
        var matcher = ID.matcher(get("/admin/realms/writ/clients?clientId=" + clientId));
        if (!matcher.find()) {
            throw new IllegalStateException("no client " + clientId);
        }
        return matcher.group(1);
    }

    static boolean userExists(String username) {
        return get("/admin/realms/writ/users?exact=true&username=" + username).contains("\"id\"");
    }

    private static String get(String path) {
        var request = HttpRequest.newBuilder(URI.create(TestEnvironment.KEYCLOAK_URL + path))
                .header("Authorization", "Bearer " + masterToken())
                .GET().build();
        var response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + path);
        }
        return response.body();
    }

    private static String masterToken() {
        var request = HttpRequest.newBuilder(URI.create(
                        TestEnvironment.KEYCLOAK_URL + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build();
        var matcher = ACCESS_TOKEN.matcher(send(request).body());
        if (!matcher.find()) {
            throw new IllegalStateException("the test Keycloak refused the master admin");
        }
        return matcher.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("test Keycloak not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
