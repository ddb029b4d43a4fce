package io.writ.web.portal;

import io.writ.domain.InvalidRequest;
import io.writ.domain.WritException;
import io.writ.web.CauseChain;
import io.writ.web.Interruption;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.util.Map;
import java.util.logging.Logger;

/**
 * Puts what the model said on the page (field errors beside their fields, everything else at the top), or that
 * nothing changed because Keycloak or the database was not there for it.
 */
final class PageMessages {

    private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());

    private PageMessages() {
    }

    /**
     * Shows why nothing was done: the model's refusal (found in the cause chain: the process engine and transactions
     * may wrap it), each field error beside the control the map names for its field, or at the top when it names
     * none; or an {@link Interruption} (Keycloak away, the database busy) at the top, saying that nothing changed and
     * to try again. Anything else is no answer for the user and is thrown on.
     */
    static void refused(RuntimeException failure, Map<String, String> controlsByField) {
        var faces = FacesContext.getCurrentInstance();
        var answer = CauseChain.answer(failure).orElseThrow(() -> failure);
        if (answer instanceof InvalidRequest invalid) {
            invalid.errors().forEach(error -> faces.addMessage(controlsByField.get(error.field()),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, error.field() + " " + error.message(),
                            error.field() + " " + error.message())));
        } else if (answer instanceof WritException refusal) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.getMessage(), null));
        } else {
            LOG.warning(() -> "Told the user nothing changed: " + answer);
            var message = capitalized(Interruption.of(answer).orElseThrow().message()) + ".";
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        }
    }

    private static String capitalized(String sentence) {
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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
