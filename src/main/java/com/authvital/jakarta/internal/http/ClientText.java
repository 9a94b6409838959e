package com.authvital.jakarta.internal.http;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.internal.message.Messages;
import java.util.List;

/**
 * What a browser or API client is told of a failure that the module answers itself (the
 * callback's failure page, the filter's 503 while a refresh cannot be made): the exception's
 * message, unless it holds what only the operator should read. That is the IdP's address and the
 * connection error when no answer came, and the IdP's own words on a 5xx, which may quote its
 * internals. Those get a short sentence with an id instead; the caller logs the message. The
 * exceptions {@code AuthVitalSessions} throws keep their detail: they are for the application's code.
 */
public final class ClientText {

    /** The ids of the messages with operator-only detail, taken from the catalogue itself. */
    private static final List<String> OPERATOR_ONLY = List.of(
            id(Messages.idpUnreachable("", "", "")),
            id(Messages.idpFailing("", "")));

    private ClientText() {
    }

    /** The text for the client. */
    public static String of(AuthVitalException failure) {
        return withheld(failure) ? Messages.idpUnusableForClient() : failure.getMessage();
    }

    /** Whether {@link #of} withholds the failure's message, which then belongs in the server log. */
    public static boolean withheld(AuthVitalException failure) {
        String message = failure.getMessage();
        return message != null && OPERATOR_ONLY.contains(id(message));
    }

    private static String id(String message) {
        int colon = message.indexOf(':');
        return colon < 0 ? message : message.substring(0, colon);
    }
}
