package io.writ.web.portal;

import io.writ.domain.InvalidRequest;
import io.writ.web.security.PortalRole;
import io.writ.workflow.compliance.ExportRequest;
import io.writ.workflow.compliance.FrameworkExports;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The compliance page's export buttons: the same exports as {@code GET /api/v1/exports/frameworks}, for the signed-in
 * page user (the API takes bearer tokens only). web.xml limits the path to compliance; checked here again.
 */
@WebServlet("/compliance/export")
public class ComplianceDownload extends HttpServlet {

    @Inject
    FrameworkExports exports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null || !request.isUserInRole(PortalRole.COMPLIANCE)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "exports are for compliance officers");
            return;
        }
        ExportRequest asked;
        try {
            asked = ExportRequest.of(request.getParameter("format"), request.getParameter("from"),
                    request.getParameter("to"), Instant.now(), true);
        } catch (InvalidRequest invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain; charset=UTF-8");
            response.getWriter().write(invalid.errors().stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("\n")));
            return;
        }
        var export = exports.prepare(asked.format().orElseThrow(), asked.period(), request.getUserPrincipal().getName());
        response.setContentType(export.mediaType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
        export.writing().to(response.getOutputStream());
    }
}
