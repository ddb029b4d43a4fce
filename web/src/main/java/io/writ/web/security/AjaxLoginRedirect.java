package io.writ.web.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The sign-in redirect for a click that reaches a node whose session the person does not have (the node that held
 * it died, the load balancer moved them, or it expired): the click is a Faces ajax request, whose script cannot
 * follow a redirect to Keycloak, another origin, so the click would do nothing. The redirect is answered as a Faces
 * partial response instead, which the page follows as a full navigation: through Keycloak's single sign-on and back,
 * signed in again on this node.
 */
final class AjaxLoginRedirect extends HttpServletResponseWrapper {

    private AjaxLoginRedirect(HttpServletResponse response) {
        super(response);
    }

    static boolean isFacesAjax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    /** The login's context, with its redirects (however the login asks for them) turned into partial responses. */
    static HttpMessageContext around(HttpMessageContext context) {
        var response = new AjaxLoginRedirect(context.getResponse());
        return new HttpMessageContextWrapper(context) {
            @Override
            public HttpServletResponse getResponse() {
                return response;
            }

            @Override
            public AuthenticationStatus redirect(String location) {
                try {
                    response.sendRedirect(location);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return AuthenticationStatus.SEND_CONTINUE;
            }
        };
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        var response = (HttpServletResponse) getResponse();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + location.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                + "\"/></partial-response>");
        response.flushBuffer();
    }
}
