package com.authvital.jakarta.internal;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.SessionNotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * Turns what went wrong in a call to the IdP into the module's exception for that cause, with a
 * message that says what happened and what to do. Knows the call, because the same status means
 * different things on different endpoints (see the AuthVital contract's error list).
 */
final class IdpFailures {

    /** The IdP's calls, as they appear in messages. */
    enum Call {
        LIST("GET /oauth/sessions"),
        REVOKE("POST /oauth/sessions/{id}/revoke"),
        REVOKE_ALL("POST /oauth/logout-all"),
        LOGOUT("POST /oauth/logout");

        final String label;

        Call(String label) {
            this.label = label;
        }
    }

    private final AuthVitalConfig config;

    IdpFailures(AuthVitalConfig config) {
        this.config = config;
    }

    /** The IdP answered a status of 400 or more. */
    AuthVitalException answered(Call call, IdpErrorResponse error) {
        int status = error.status();
        List<String> messages = error.messages();
        String said = said(status, messages);
        if (!error.json()) {
            return new IdpUnavailableException(status == 503 || status == 504 ? status : 502, status,
                    messages, Messages.idpErrorNotJson(call.label, status), null);
        }
        if (status == 401 && call == Call.REVOKE && messages.stream().anyMatch(m -> m.contains("another user"))) {
            return new AccessDeniedException(status, messages,
                    Messages.anotherUsersSession(said));
        }
        if (status == 401) {
            return new NotAuthenticatedException(status, messages,
                    Messages.idpRefusedToken(said));
        }
        if (status == 403) {
            return new AccessDeniedException(status, messages,
                    Messages.idpForbidden(call.label, said));
        }
        if (status == 404 && call == Call.REVOKE) {
            return new SessionNotFoundException(status, messages,
                    Messages.noSuchSession(said));
        }
        if (status >= 500) {
            return new IdpUnavailableException(status == 503 || status == 504 ? status : 502, status,
                    messages, Messages.idpFailing(call.label, said), null);
        }
        return new AuthVitalException(status, status, messages, Messages.idpRefused(call.label, said), null);
    }

    /** No usable answer came: the connection failed, timed out, or the body could not be read. */
    AuthVitalException failed(Call call, RuntimeException failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return new IdpUnavailableException(502, status == 0 ? null : status, List.of(),
                    Messages.idpAnswerRefused(call.label, status), failure);
        }
        if (causedBy(failure, IdpBodyLimit.TooLarge.class)) {
            return new IdpUnavailableException(502, null, List.of(),
                    Messages.idpAnswerTooLarge(call.label, IdpBodyLimit.MAX_BYTES), failure);
        }
        if (causedBy(failure, HttpTimeoutException.class) || causedBy(failure, InterruptedIOException.class)) {
            return new IdpUnavailableException(504, null, List.of(), Messages.idpTimedOut(call.label,
                    config.connectTimeout().toMillis(), config.readTimeout().toMillis()), failure);
        }
        if (causedBy(failure, IOException.class)) {
            return new IdpUnavailableException(503, null, List.of(),
                    Messages.idpUnreachable(call.label, config.restUrl(), NetworkFailures.describe(failure)), failure);
        }
        return new IdpUnavailableException(502, null, List.of(), Messages.idpAnswerNotJson(call.label), failure);
    }

    /** A success status with no body at all. */
    AuthVitalException emptyAnswer(Call call) {
        return new IdpUnavailableException(502, null, List.of(), Messages.idpAnswerEmpty(call.label), null);
    }

    private static String said(int status, List<String> messages) {
        return "(" + status + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)) + ")";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
