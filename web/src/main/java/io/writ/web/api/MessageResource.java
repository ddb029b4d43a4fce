package io.writ.web.api;

import io.writ.domain.notice.InAppMessage;
import io.writ.web.security.PortalRole;
import io.writ.workflow.notice.MessageDesk;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The caller's own in-app messages; someone else's message is unknown (404), whoever asks. */
@Path("v1/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@RolesAllowed({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
        PortalRole.ADMIN})
public class MessageResource {

    /** One message: {@code event} as the webhook names it, {@code readAt} null while unread. */
    public record MessageView(String id, String event, String writ, String subject, String body, Instant at,
                              Instant readAt) {
        static MessageView of(InAppMessage m) {
            return new MessageView(m.id(), m.kind().eventName(), m.writId(), m.subject(), m.body(), m.createdAt(),
                    m.readAt().orElse(null));
        }
    }

    @Inject
    MessageDesk desk;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "My messages, newest first")
    public List<MessageView> mine() {
        return desk.mine(caller()).stream().map(MessageView::of).toList();
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my messages read")
    public MessageView markRead(@PathParam("id") String id) {
        return MessageView.of(desk.markRead(caller(), id));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
