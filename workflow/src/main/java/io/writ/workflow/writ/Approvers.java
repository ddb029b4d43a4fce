package io.writ.workflow.writ;

import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.writ.Approver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** A person about to decide, with the groups the directory puts them in now (what separation of duties reads). */
@ApplicationScoped
public class Approvers {

    @Inject
    IdentityDirectory directory;

    public Approver named(String username) {
        return new Approver(username, groupsOf(username));
    }

    /** The person's realm roles and groups; none when the directory does not know them. */
    public Set<String> groupsOf(String username) {
        return directory.identity(username).map(DirectoryIdentity::groups).orElse(Set.of());
    }
}
