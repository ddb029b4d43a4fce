package io.writ.web.portal;

import io.writ.domain.InvalidRequest;
import io.writ.domain.WritException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.Map;

/** Puts what the model said on the page: field errors beside their fields, everything else at the top. */
final class PageMessages {

    private PageMessages() {
    }

    /**
     * Shows the model's refusal (found in the cause chain: the process engine and transactions may wrap it); each
     * field error goes to the control the map names for its field, or to the top when it names none. Anything that
     * is not a refusal is no answer for the user and is thrown on.
     */
    static void refused(RuntimeException failure, Map<String, String> controlsByField) {
        var refusal = refusalIn(failure);
        var faces = FacesContext.getCurrentInstance();
        if (refusal instanceof InvalidRequest invalid) {
            invalid.errors().forEach(error -> faces.addMessage(controlsByField.get(error.field()),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, error.field() + " " + error.message(),
                            error.field() + " " + error.message())));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        }
    }

    /**
     * The cause of that type in the chain, if any: the model's refusals reach a page wrapped by the process engine,
     * transactions or an EJB (a repository's NoSuchWrit arrives inside an EJBTransactionRolledbackException).
     */
    static <T extends Throwable> java.util.Optional<T> causeIn(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return java.util.Optional.of(type.cast(t));
            }
        }
        return java.util.Optional.empty();
    }

    private static WritException refusalIn(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WritException refusal) {
                return refusal;
            }
        }
        throw failure;
    }

    /**
     * One call to the service on the user's behalf: on success says what happened and goes to {@code next} (a
     * redirect, so the page is built afresh); on refusal stays on the page with the reason.
     */
    static String attempt(Runnable action, String outcome, String next, Map<String, String> controlsByField) {
        try {
            action.run();
            done(outcome);
            return next;
        } catch (RuntimeException refused) {
            refused(refused, controlsByField);
            return null;
        }
    }

    /** A message that survives the redirect to the next page. */
    static void done(String summary) {
        var faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
