package io.writ.web.portal;

import io.writ.web.Incident;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The page shown for a failure nothing else answered (a 500): the failure is recorded as an {@link Incident} once,
 * and its id shown.
 */
@Named
@RequestScoped
public class FailurePage {

    private String incident;

    public String getIncident() {
        if (incident == null) {
            var request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
            var failure = (Throwable) request.get("jakarta.servlet.error.exception");
            incident = Incident.record("a page failed: " + request.get("jakarta.servlet.error.request_uri"),
                    failure);
        }
        return incident;
    }
}
