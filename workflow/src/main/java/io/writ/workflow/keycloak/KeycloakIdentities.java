package io.writ.workflow.keycloak;

import io.writ.domain.identity.Contact;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.identity.IdentityKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keycloak's users as the model's identities and contacts. What an identity is (a person, or an NHI's service
 * account) is read from Keycloak, never from the name alone; the members of a group are found through the realm
 * role of that name and the group of that name or path.
 */
@ApplicationScoped
public class KeycloakIdentities implements IdentityDirectory {

    /** Keycloak names a client's service-account user after the client, with this prefix. */
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    AdminSession keycloak;

    @Inject
    KeycloakSettings settings;

    @Override
    public void verifyReachable() {
        keycloak.call(realm -> realm.toRepresentation().getRealm());
    }

    @Override
    public Optional<DirectoryIdentity> identity(String username) {
        return keycloak.call(realm -> AdminSession.findUser(realm, username).map(user -> describe(realm, user)));
    }

    @Override
    public Optional<Contact> contact(String username) {
        return keycloak.call(realm -> AdminSession.findUser(realm, username).map(KeycloakIdentities::contactOf));
    }

    @Override
    public List<Contact> membersOf(String group) {
        return keycloak.call(realm -> {
            var members = new LinkedHashMap<String, Contact>();
            var visitedGroups = new HashSet<String>();
            roleHolders(realm, group, members, visitedGroups);
            try {
                var named = realm.getGroupByPath(group.startsWith("/") ? group : "/" + group);
                groupMembers(realm, named.getId(), members, visitedGroups);
            } catch (NotFoundException noSuchGroup) {
                // a realm role only, or neither: what the directory does not know has no members
            }
            return List.copyOf(members.values());
        });
    }

    // --- identities -------------------------------------------------------------------------------------------

    private DirectoryIdentity describe(RealmResource realm, UserRepresentation user) {
        var resource = realm.users().get(user.getId());
        var groupNames = groupNames(Pages.all((first, max) -> resource.groups(first, max, true)));
        var rolesAndGroups = new HashSet<>(AdminSession.names(resource.roles().realmLevel().listEffective()));
        rolesAndGroups.addAll(groupNames);
        var thirdParty = new ThirdPartyMark(settings.thirdPartyGroup()).isOn(user.getAttributes(), groupNames);
        var client = serviceAccountClient(realm, user);
        return new DirectoryIdentity(user.getId(), user.getUsername(), Boolean.TRUE.equals(user.isEnabled()),
                client.isPresent() ? IdentityKind.NON_HUMAN : IdentityKind.PERSON,
                client.map(ClientRepresentation::getClientId).orElse(null),
                client.map(KeycloakNhiClients::ownerOf).orElse(null),
                thirdParty, Set.copyOf(rolesAndGroups));
    }

    /**
     * The client whose service account this user is, if any. Keycloak's admin API (26.4, seen here) leaves the
     * user's serviceAccountClientId empty, so go from the user's name to the client and make sure that client's
     * service account really is this user: a person cannot pass for an NHI by choosing the name.
     */
    private static Optional<ClientRepresentation> serviceAccountClient(RealmResource realm, UserRepresentation user) {
        var username = user.getUsername();
        if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        var clientId = username.substring(SERVICE_ACCOUNT_PREFIX.length());
        // Keycloak lowercases usernames but not client ids: search without regard to case, then compare. The search
        // matches parts of client ids too, so every page is read.
        return Pages.all((first, max) -> realm.clients().findAll(clientId, false, true, first, max)).stream()
                .filter(c -> c.getClientId().equalsIgnoreCase(clientId))
                .filter(c -> Boolean.TRUE.equals(c.isServiceAccountsEnabled()))
                .filter(c -> user.getId().equals(realm.clients().get(c.getId()).getServiceAccountUser().getId()))
                .findFirst();
    }

    /** The names of the user's groups and of the groups they sit in: a member of a subgroup is in its parents. */
    private static Set<String> groupNames(List<GroupRepresentation> groups) {
        var names = new HashSet<String>();
        for (var group : groups) {
            names.add(group.getName());
            names.addAll(GroupPath.names(group.getPath()));
        }
        return names;
    }

    // --- members of groups ---------------------------------------------------------------------------------------

    /**
     * Holders of the realm role of that name: the users it is mapped to directly, and the members of the groups it
     * is mapped to. Holders through a composite role are not followed (the model's groups are plain roles).
     */
    private static void roleHolders(RealmResource realm, String roleName, Map<String, Contact> members,
                                    Set<String> visitedGroups) {
        var role = realm.roles().get(roleName);
        try {
            Pages.all((first, max) -> role.getUserMembers(first, max)).forEach(user -> addEnabled(user, members));
            for (var group : Pages.all((first, max) -> role.getRoleGroupMembers(first, max))) {
                groupMembers(realm, group.getId(), members, visitedGroups);
            }
        } catch (NotFoundException noSuchRole) {
            // not a realm role
        }
    }

    /** The members of a group and of all its subgroups: a member of a subgroup is in its parents. */
    private static void groupMembers(RealmResource realm, String groupId, Map<String, Contact> members,
                                     Set<String> visitedGroups) {
        if (!visitedGroups.add(groupId)) {
            return;
        }
        var group = realm.groups().group(groupId);
        Pages.all((first, max) -> group.members(first, max)).forEach(user -> addEnabled(user, members));
        for (var subgroup : Pages.all((first, max) -> group.getSubGroups(first, max, true))) {
            groupMembers(realm, subgroup.getId(), members, visitedGroups);
        }
    }

    private static void addEnabled(UserRepresentation user, Map<String, Contact> members) {
        if (Boolean.TRUE.equals(user.isEnabled())) {
            members.putIfAbsent(user.getUsername(), contactOf(user));
        }
    }

    private static Contact contactOf(UserRepresentation user) {
        // An address Keycloak has not verified is still where the person said they read mail: used as it is.
        return new Contact(user.getUsername(), user.getEmail());
    }
}
