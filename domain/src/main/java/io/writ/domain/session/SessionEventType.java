package io.writ.domain.session;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a bastion, PSM tool or the identity provider saw happen in a privileged session. A session that ends on its
 * own is a {@link #SESSION_END}; one the sender cut off because its writ ended is a {@link #SESSION_TERMINATED}, at
 * the moment it was cut off.
 */
public enum SessionEventType {
    SESSION_START, SESSION_END, COMMAND, FILE_TRANSFER, API_CALL, SESSION_TERMINATED;

    /** The names, for messages that list what is accepted. */
    public static final String NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
}
