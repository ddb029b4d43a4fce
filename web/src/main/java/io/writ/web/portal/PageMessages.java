package io.writ.web.portal;

import io.writ.domain.InvalidRequest;
import io.writ.domain.WritException;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.stepup.StepUpRequired;
import io.writ.web.CauseChain;
import io.writ.web.Incident;
import io.writ.web.Interruption;
import io.writ.web.security.StepUpJourney;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.inject.spi.CDI;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The pages' one failure path: every call a backing bean makes on the user's behalf goes through here. It says what
 * was done, or puts what the model said on the page (field errors beside their fields, everything else at the top),
 * or that nothing changed because Keycloak or the database was not there for it.
 */
public final class PageMessages {

    private static final Logger LOG = Logger.getLogger(PageMessages.class.getName());

    private PageMessages() {
    }

    /**
     * One call on the user's behalf that needs no word when it is done: on success goes to {@code next} (a redirect,
     * so the page is built afresh; null stays on the page), on refusal stays on the page with the reason.
     */
    static String attempt(Runnable action, String next, Map<String, String> controlsByField) {
        try {
            action.run();
            return next;
        } catch (RuntimeException failure) {
            var stepUp = CauseChain.find(failure, StepUpRequired.class);
            if (stepUp.isPresent()) {
                // the page kept where the person was and what they typed (StepUpJourney.keep): off to Keycloak
                CDI.current().select(StepUpJourney.class).get().go(stepUp.get());
                return null;
            }
            refused(failure, controlsByField);
            return null;
        }
    }

    /** As {@link #attempt(Runnable, String, Map)}, and says {@code outcome} on the next page. */
    static String attempt(Runnable action, String outcome, String next, Map<String, String> controlsByField) {
        return attempt(() -> {
            action.run();
            done(outcome);
        }, next, controlsByField);
    }

    /** As {@link #attempt(Runnable, String, Map)}, and says what the call answered (the writ as it now stands). */
    static <T> String attempt(Supplier<T> action, Function<? super T, String> outcome, String next,
                              Map<String, String> controlsByField) {
        return attempt(() -> done(outcome.apply(action.get())), next, controlsByField);
    }

    /**
     * Where a field's errors go when each row of a repeat has its own control named after the field
     * ({@code repeat:row:field}, the rows in the order of the list); nowhere in particular (the top) when no row
     * shows that id.
     */
    static <T> Map<String, String> inRow(String field, String repeat, List<T> rows, Function<? super T, String> idOf,
                                         String id) {
        var row = rows.stream().map(idOf).toList().indexOf(id);
        return row < 0 ? Map.of() : Map.of(field, repeat + ":" + row + ":" + field);
    }

    /** What a page answers instead of itself when reading it failed with one of these causes. */
    record Unreadable(int status, String message, List<Class<? extends Throwable>> causes) {
    }

    /**
     * Reads what the page shows, before it renders; when the failure holds a cause an answer names (the first answer
     * listed that does), sets the answer's response status and says its message at the top instead. Anything else is
     * thrown on.
     */
    static void read(Runnable read, List<Unreadable> answers) {
        try {
            read.run();
        } catch (RuntimeException failure) {
            var answer = answers.stream()
                    .filter(a -> a.causes().stream().anyMatch(cause -> CauseChain.find(failure, cause).isPresent()))
                    .findFirst().orElseThrow(() -> failure);
            var faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().setResponseStatus(answer.status());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, answer.message(), null));
        }
    }

    /**
     * What the read answers, or nothing when Keycloak was away for it: a page that shows several things shows the
     * others and says this one cannot be read now. Anything else is thrown on.
     */
    public static <T> Optional<T> unlessKeycloakAway(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (RuntimeException failure) {
            CauseChain.find(failure, DirectoryUnavailable.class).orElseThrow(() -> failure);
            return Optional.empty();
        }
    }

    /**
     * Shows why nothing was done: the model's refusal, each field error beside the control the map names for its
     * field, or at the top when it names none; or an {@link Interruption} (Keycloak away, the database busy) at the
     * top, saying that nothing changed and to try again. Anything else is a failure of the portal: an
     * {@link Incident}, whose id the page shows and the log holds.
     */
    private static void refused(RuntimeException failure, Map<String, String> controlsByField) {
        var faces = FacesContext.getCurrentInstance();
        var found = CauseChain.answer(failure);
        if (found.isEmpty()) {
            var incident = Incident.record("a page's action failed", failure);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Something went wrong on the portal's "
                    + "side (incident " + incident + "); nothing is known to have changed. The incident is in the "
                    + "portal's log.", null));
            return;
        }
        var answer = found.get();
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

    /** A message that survives the redirect to the next page. */
    private static void done(String summary) {
        var faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
