package io.writ.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Where Keycloak sends the browser after login. The login mechanism has already exchanged the code for tokens
 * when this runs; the caller is kept in the session ({@link SessionCaller}) and the user goes on to the home page
 * (or back to the login when the exchange failed).
 */
@WebServlet("/callback")
public class LoginCallback extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SessionCaller.keep(request);
        response.sendRedirect(request.getContextPath() + "/");
    }
}
