package com.authvital.jakarta.internal;

import java.util.List;

/**
 * An answer of the IdP with a status of 400 or more, read by {@link IdpErrorMapper} and turned
 * into the public exception by {@link IdpClient}, which knows which call it was.
 */
final class IdpErrorResponse extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean json;
    private final List<String> messages;

    IdpErrorResponse(int status, boolean json, List<String> messages) {
        super("AuthVital answered " + status, null, false, false);
        this.status = status;
        this.json = json;
        this.messages = List.copyOf(messages);
    }

    int status() {
        return status;
    }

    /** Whether the body was the IdP's JSON error shape, not a proxy's page or nothing. */
    boolean json() {
        return json;
    }

    List<String> messages() {
        return messages;
    }
}
