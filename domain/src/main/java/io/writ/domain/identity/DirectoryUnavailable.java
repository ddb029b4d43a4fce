package io.writ.domain.identity;

/** The identity provider could not be reached or refused the portal's own credentials. */
public class DirectoryUnavailable extends RuntimeException {

    /** Begins every message, so a failure for this reason can be told apart where only the message is kept. */
    public static final String MARK = "identity directory unavailable";

    public DirectoryUnavailable(String message, Throwable cause) {
        super(MARK + ": " + message, cause);
    }
}
