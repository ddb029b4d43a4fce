package io.writ.web.portal;

import io.writ.web.ClientGone;
import io.writ.web.Incident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The page shown for a failure nothing else answered (a 500): the failure is recorded as an {@link Incident} once,
 * and its id shown; unless the caller hung up ({@link ClientGone}), which is nobody's failure.
 */
@Named
@RequestScoped
public class FailurePage {

    private String incident;

    public String getIncident() {
        if (incident == null) {
            var request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
            var failure = (Throwable) request.get("jakarta.servlet.error.exception");
            var uri = request.get("jakarta.servlet.error.request_uri");
            var api = String.valueOf(uri).startsWith(FacesContext.getCurrentInstance().getExternalContext()
                    .getRequestContextPath() + "/api/");
            if (failure != null && ClientGone.is(failure) || failure == null && api) {
                // An API call's own failures are answered and recorded by the API (ProblemMapper); a 500 here with
                // no failure behind it is the container's, for an answer it could not write: the caller is gone.
                ClientGone.log(String.valueOf(uri), failure);
                incident = "none: the connection was closed";
            } else {
                incident = Incident.record("a page failed: " + uri, failure);
            }
        }
        return incident;
    }
}
