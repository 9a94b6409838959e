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
                    messages, "AV1204: AuthVital answered " + call.label + " with " + status
                    + " and a body that is not its JSON (a proxy's page?): check that '"
                    + AuthVitalConfig.HOST + "' is the IdP's base URL and that the IdP is up", null);
        }
        if (status == 401 && call == Call.REVOKE && messages.stream().anyMatch(m -> m.contains("another user"))) {
            return new AccessDeniedException(status, messages,
                    "AV1102: AuthVital refused to revoke the session " + said + ": it belongs to another user");
        }
        if (status == 401) {
            return new NotAuthenticatedException(status, messages,
                    "AV1101: AuthVital refused the access token " + said + ": sign the user in again");
        }
        if (status == 403) {
            return new AccessDeniedException(status, messages,
                    "AV1102: AuthVital refused " + call.label + " " + said);
        }
        if (status == 404 && call == Call.REVOKE) {
            return new SessionNotFoundException(status, messages,
                    "AV1103: AuthVital has no session with that id " + said);
        }
        if (status >= 500) {
            return new IdpUnavailableException(status == 503 || status == 504 ? status : 502, status,
                    messages, "AV1203: AuthVital failed on " + call.label + " " + said
                    + ": the IdP is failing; try again later", null);
        }
        return new AuthVitalException(status, status, messages, "AV1205: AuthVital refused "
                + call.label + " " + said + ": check the request and '" + AuthVitalConfig.HOST + "'", null);
    }

    /** No usable answer came: the connection failed, timed out, or the body could not be read. */
    AuthVitalException failed(Call call, RuntimeException failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 0 : web.getResponse().getStatus();
            return new IdpUnavailableException(502, status == 0 ? null : status, List.of(),
                    "AV1204: AuthVital answered " + call.label + " with " + status + ", not its JSON: check that '"
                    + AuthVitalConfig.HOST + "' is the IdP's base URL (https, with any path prefix)", failure);
        }
        if (causedBy(failure, IdpBodyLimit.TooLarge.class)) {
            return new IdpUnavailableException(502, null, List.of(), "AV1204: AuthVital's answer to " + call.label
                    + " is over " + IdpBodyLimit.MAX_BYTES + " bytes, which no answer of the IdP comes near (a proxy's "
                    + "page?): check that '" + AuthVitalConfig.HOST + "' is the IdP's base URL", failure);
        }
        if (causedBy(failure, HttpTimeoutException.class) || causedBy(failure, InterruptedIOException.class)) {
            return new IdpUnavailableException(504, null, List.of(), "AV1202: AuthVital did not answer "
                    + call.label + " in time (connect " + config.connectTimeout().toMillis() + " ms, read "
                    + config.readTimeout().toMillis() + " ms): it is slow or down; try again later, or raise '"
                    + AuthVitalConfig.READ_TIMEOUT + "'", failure);
        }
        if (causedBy(failure, IOException.class)) {
            return new IdpUnavailableException(503, null, List.of(), "AV1201: AuthVital at "
                    + config.restUrl() + " could not be reached for " + call.label + " ("
                    + NetworkFailures.describe(failure) + "): check that it is up and that '"
                    + AuthVitalConfig.HOST + "' points at it", failure);
        }
        return new IdpUnavailableException(502, null, List.of(), "AV1204: AuthVital's answer to "
                + call.label + " is not the JSON it should be (a proxy's page?): check that '"
                + AuthVitalConfig.HOST + "' is the IdP's base URL", failure);
    }

    /** A success status with no body at all. */
    AuthVitalException emptyAnswer(Call call) {
        return new IdpUnavailableException(502, null, List.of(), "AV1204: AuthVital answered "
                + call.label + " with an empty body: check that '" + AuthVitalConfig.HOST
                + "' is the IdP's base URL", null);
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
