package io.writ.web.portal;

import io.writ.workflow.notice.MessageDesk;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/** The count of unread messages in every page's header, read once per request. */
@Named
@RequestScoped
public class MessageBell {

    @Inject MessageDesk desk;
    @Inject SecurityContext security;

    private long unread;

    @PostConstruct
    void count() {
        var caller = security.getCallerPrincipal();
        unread = caller == null ? 0 : desk.unread(caller.getName());
    }

    public long getUnread() { return unread; }
}
