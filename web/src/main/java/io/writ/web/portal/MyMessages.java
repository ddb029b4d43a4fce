package io.writ.web.portal;

import io.writ.workflow.notice.MessageDesk;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A person reads their in-app messages, newest first, and marks them read. Only ever their own. */
@Named
@ViewScoped
public class MyMessages implements Serializable {

    private static final String AGAIN = "/messages.xhtml?faces-redirect=true";

    @Inject MessageDesk desk;
    @Inject transient SecurityContext security;

    private List<MessageView> messages;

    @PostConstruct
    void load() {
        messages = desk.mine(caller()).stream().map(MessageView::of).toList();
    }

    public String markRead(String messageId) {
        return PageMessages.attempt(() -> desk.markRead(caller(), messageId), AGAIN, Map.of());
    }

    public String markAllRead() {
        return PageMessages.attempt(() -> desk.markAllRead(caller()), marked -> marked + " message(s) marked read",
                AGAIN, Map.of());
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<MessageView> getMessages() { return messages; }
}
