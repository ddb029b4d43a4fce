package io.writ.web.home;

import io.writ.web.security.PortalRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.util.List;

/** Who is signed in and which portal roles they hold. */
@Named
@RequestScoped
public class Home {

    @Inject
    SecurityContext security;

    private List<String> roles;

    public String getUsername() {
        var caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public List<String> getRoles() {
        if (roles == null) {
            roles = PortalRole.PEOPLE.stream().filter(security::isCallerInRole).toList();
        }
        return roles;
    }
}
