package io.writ.web.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Standing assignments for a review campaign to find, made straight in Keycloak as an administrator would make them
 * behind the portal's back: {@code users} users, each mapped to every one of {@code roles} catalogue realm roles in
 * one role-mappings call. The roles enter the catalogue through the portal's admin API. Users, roles and catalogue
 * entries that exist already (a second run on the same data) are used as they are.
 */
final class StandingAssignments {

    static final String PREFIX = "bench-review-";

    private final Endpoints api;

    StandingAssignments(Endpoints api) {
        this.api = api;
    }

    /** Makes users × roles assignments with {@code threads} callers; returns how many there are. */
    int make(int users, int roles, int threads) throws InterruptedException {
        var roleNames = new ArrayList<String>();
        for (int r = 0; r < roles; r++) {
            var name = String.format("%srole-%03d", PREFIX, r);
            roleNames.add(name);
            expect(api.admin("POST", "/roles", "{\"name\":\"" + name + "\"}"), "role " + name, 201, 409);
            var entry = api.post("/api/v1/entitlements", api.user("admin"), "{\"name\":\"" + name + "\",\"kind\":"
                    + "\"REALM_ROLE\",\"riskTier\":\"LOW\",\"maxMinutes\":60,\"approvalsRequired\":1,"
                    + "\"approverGroup\":\"approver\",\"reviewCadenceDays\":90,\"owner\":\"erin\"}");
            if (!entry.body().contains("already in the catalogue")) {
                expect(entry, "catalogue entry " + name, 201);
            }
        }
        var representations = new ArrayList<String>();
        for (var name : roleNames) {
            representations.add(api.admin("GET", "/roles/" + name, null).body());
        }
        var allRoles = "[" + String.join(",", representations) + "]";
        var pool = Executors.newFixedThreadPool(threads);
        var done = new ArrayList<Future<?>>();
        for (int u = 0; u < users; u++) {
            var username = String.format("%suser-%05d", PREFIX, u);
            done.add(pool.submit(() -> {
                var id = userId(username);
                expect(api.admin("POST", "/users/" + id + "/role-mappings/realm", allRoles), "mappings of "
                        + username, 204);
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(Duration.ofMinutes(30).toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the standing assignments were not made within 30 minutes");
        }
        for (var f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a standing assignment failed", e.getCause());
            }
        }
        return users * roles;
    }

    /** Creates the user (no password: it never signs in) unless it exists; its id from the answer's location. */
    private String userId(String username) {
        var created = api.admin("POST", "/users", "{\"username\":\"" + username + "\",\"enabled\":true}");
        if (created.statusCode() == 201) {
            var location = created.headers().firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        expect(created, "user " + username, 409);
        var found = api.admin("GET", "/users?exact=true&username=" + username, null).body();
        return Endpoints.field(found, "id");
    }

    private static void expect(HttpResponse<String> answer, String what, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
    }

    static List<String> scope() {
        return List.of(PREFIX + "*");
    }
}
