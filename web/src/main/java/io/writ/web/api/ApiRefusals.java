package io.writ.web.api;

import io.writ.web.Problem;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A 403 on an API call sent as an error status, by Jersey (a {@code @RolesAllowed} refusal has no body) or by the
 * container, would show the pages' HTML error page (web.xml's 403 page): an API caller gets problem details instead.
 * The pages keep their HTML page. Refusals the portal words itself are answered where they happen
 * ({@link ProblemMapper}; the bearer token's 401 in the login, which no error page follows).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.ERROR)
public class ApiRefusals extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/")
                && Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)) {
            Problem.of(HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "the caller's roles do not include one this call needs").send(response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
