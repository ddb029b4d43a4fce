package io.writ.web.portal;

import io.writ.domain.NotFound;
import io.writ.domain.NotPermitted;
import io.writ.web.CauseChain;
import io.writ.web.security.PortalRole;
import io.writ.workflow.receipt.Receipts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The writ page's "Download the signed receipt": the same signed receipt as {@code GET /api/v1/requests/{id}/receipt},
 * for the signed-in page user (the API takes bearer tokens only). Whoever may not see the writ gets 404.
 */
@WebServlet("/receipt")
public class ReceiptDownload extends HttpServlet {

    @Inject
    Receipts receipts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var id = request.getParameter("id");
        if (request.getUserPrincipal() == null || id == null || id.isBlank()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no writ named");
            return;
        }
        var overseer = request.isUserInRole(PortalRole.SECURITY) || request.isUserInRole(PortalRole.COMPLIANCE);
        Receipts.Signed signed;
        try {
            signed = receipts.of(id, request.getUserPrincipal().getName(), overseer);
        } catch (RuntimeException e) {
            if (CauseChain.find(e, NotFound.class).isEmpty() && CauseChain.find(e, NotPermitted.class).isEmpty()) {
                throw e;
            }
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Writ not found, or not yours to see.");
            return;
        }
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"receipt-" + id + ".json\"");
        response.getWriter().write(signed.asJson());
    }
}
