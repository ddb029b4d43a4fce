package io.writ.domain.identity;

/** The identity provider could not be reached or refused the portal's own credentials. */
public class DirectoryUnavailable extends RuntimeException {

    public DirectoryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
