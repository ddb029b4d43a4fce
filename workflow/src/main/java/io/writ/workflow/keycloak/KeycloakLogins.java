package io.writ.workflow.keycloak;

import io.writ.domain.identity.DirectoryLogin;
import io.writ.domain.identity.DirectorySession;
import io.writ.domain.identity.LoginRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Keycloak's login events and open user sessions, as evidence of who signed in when. */
@ApplicationScoped
public class KeycloakLogins implements LoginRecords {

    @Inject
    AdminSession keycloak;

    @Override
    public List<DirectoryLogin> loginsSince(Instant since, int max) {
        return keycloak.call(realm -> realm.getEvents(List.of("LOGIN"), null, null, since.toEpochMilli(),
                        Instant.now().plusSeconds(86_400).toEpochMilli(), null, 0, max, "asc").stream()
                .filter(e -> e.getError() == null)
                .map(e -> new DirectoryLogin(e.getId(), e.getDetails() == null ? null : e.getDetails().get("username"),
                        e.getSessionId(), Instant.ofEpochMilli(e.getTime()), e.getIpAddress(), e.getClientId()))
                .filter(login -> login.username() != null)
                .toList());
    }

    @Override
    public List<DirectorySession> sessionsOf(String username) {
        return keycloak.call(realm -> keycloak.user(realm, username).getUserSessions().stream()
                .map(s -> new DirectorySession(s.getId(), s.getUsername(), s.getIpAddress(),
                        Instant.ofEpochMilli(s.getStart()), Instant.ofEpochMilli(s.getLastAccess())))
                .toList());
    }
}
