package io.writ.web.security;

import io.writ.domain.stepup.SignIn;
import io.writ.domain.stepup.StepUpRequired;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A person's way through step-up on the pages: the page keeps what they had typed and where they were, the person
 * is sent through Keycloak's sign-in with a second factor ({@link StepUpLogin}), and comes back to that page with
 * their input, now signed in strongly enough. The strong sign-in is kept for the rest of the session (and counts for
 * as long as the entitlement allows: the writ checks its age at every request and decision).
 */
@SessionScoped
public class StepUpJourney implements Serializable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String returnPath;
    private Serializable kept;
    private long maxAgeSeconds;
    private String state;
    private String nonce;
    private SignIn signIn;
    private Serializable resumed;

    /** Before an action that may need step-up: where to come back to, and what the person had typed. */
    public void keep(String returnPath, Serializable input) {
        this.returnPath = returnPath;
        this.kept = input;
    }

    /** The action needed step-up: off to Keycloak (through {@code /step-up}), with what was kept. */
    public void go(StepUpRequired needed) {
        maxAgeSeconds = needed.maxAgeSeconds();
        var external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + StepUpLogin.START);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh state and nonce for one trip to Keycloak; the answer must bring both back. */
    String begin() {
        state = random();
        nonce = random();
        return state;
    }

    String nonce() { return nonce; }
    long maxAgeSeconds() { return maxAgeSeconds > 0 ? maxAgeSeconds : 60; }

    /** Whether Keycloak's answer belongs to the trip this session began (and only once). */
    boolean answers(String returnedState) {
        var expected = state;
        state = null;
        return expected != null && expected.equals(returnedState);
    }

    /** Keycloak signed the person in again so: the page they left gets their input back. Returns that page. */
    String finish(SignIn how) {
        signIn = how;
        resumed = kept;
        kept = null;
        var back = returnPath == null ? "/" : returnPath;
        returnPath = null;
        return back;
    }

    /** Where the person goes when the trip failed or was abandoned (their input is given back too). */
    String abandon() {
        return finish(signIn == null ? SignIn.UNKNOWN : signIn);
    }

    /** What the person had typed before step-up, once, if it is of that kind. */
    public <T> Optional<T> resumed(Class<T> kind) {
        if (!kind.isInstance(resumed)) {
            return Optional.empty();
        }
        var input = kind.cast(resumed);
        resumed = null;
        return Optional.of(input);
    }

    /** The sign-in of the latest step-up in this session, if any. */
    Optional<SignIn> strongSignIn() {
        return Optional.ofNullable(signIn).filter(s -> s.acr() != null);
    }

    private static String random() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
