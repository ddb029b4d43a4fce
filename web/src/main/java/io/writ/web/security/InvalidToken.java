package io.writ.web.security;

/** A bearer token that is not from the portal's realm, is expired, forged or meant for someone else. */
public class InvalidToken extends Exception {

    public InvalidToken(String message, Throwable cause) {
        super(message, cause);
    }
}
