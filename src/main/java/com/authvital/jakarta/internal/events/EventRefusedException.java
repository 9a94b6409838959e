package com.authvital.jakarta.internal.events;

/**
 * An event that is not acted on, with the status to answer its sender and a catalogue message
 * ({@code AV16xx}) that holds nothing of the request: no signature, no header value, no body.
 */
public final class EventRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    EventRefusedException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /**
     * 401 for what AuthVital did not sign, 400 for a signed body that is not an event, 503 for a
     * key that cannot be looked up yet (the sender retries).
     */
    public int status() {
        return status;
    }
}
