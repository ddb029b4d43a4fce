package io.writ.domain.identity;

import io.writ.domain.NotFound;

/**
 * The identity provider does not know a user, role, client or group it was asked about: a name in the catalogue or
 * on a writ that the provider lacks, or an account removed since. A person asking about it gets "not found"; a
 * process step that meets it ends in an incident, for someone to put the directory or the catalogue right. An
 * unreachable provider is {@link DirectoryUnavailable} instead.
 */
public class NotInDirectory extends NotFound {

    public NotInDirectory(String message) {
        super(message);
    }
}
