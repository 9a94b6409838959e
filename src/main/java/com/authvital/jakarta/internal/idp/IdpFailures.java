package com.authvital.jakarta.internal.idp;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Everything about a call to the IdP that went wrong, in one place: reading an error answer
 * ({@link ErrorMapper}, registered on the REST client), and turning it or a failed exchange into
 * the module's exception for that cause ({@link #translate}), with a message that says what
 * happened and what to do. Knows the call, because the same status means different things on
 * different endpoints (see the AuthVital contract's error list).
 */
public final class IdpFailures {

    /** The IdP's calls, as they appear in messages. */
    public enum Call {
        LIST("GET /oauth/sessions"),
        REVOKE("POST /oauth/sessions/{id}/revoke"),
        REVOKE_ALL("POST /oauth/logout-all"),
        LOGOUT("POST /oauth/logout"),
        CODE_EXCHANGE("POST /oauth/token (authorization_code)"),
        REFRESH("POST /oauth/token (refresh_token)");

        public final String label;

        Call(String label) {
            this.label = label;
        }
    }

    /** The OAuth error of a refresh that needs the user at the IdP again (MFA enrolment, say). */
    static final String INTERACTION_REQUIRED = "interaction_required";
    /** How long to wait after a 429 that did not say: the IdP's rate window is a minute. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final AuthVitalConfig config;

    public IdpFailures(AuthVitalConfig config) {
        this.config = config;
    }

    /** The module's exception for what a call to the IdP threw: an error answer, a failed exchange, or one already translated. */
    AuthVitalException translate(Call call, Throwable error) {
        if (error instanceof AuthVitalException known) {
            return known;
        }
        if (error instanceof ErrorAnswer answered) {
            return answered(call, answered);
        }
        return failed(call, error instanceof RuntimeException runtime ? runtime : new ProcessingException(error));
    }

    /** The IdP answered a status of 400 or more. */
    public AuthVitalException answered(Call call, ErrorAnswer error) {
        int status = error.status();
        List<String> messages = error.messages();
        String said = said(status, messages);
        if (status == 429) {
            // Whatever the body: a proxy in front of the IdP may answer the limit with its own page.
            Duration wait = error.retryAfter().orElse(DEFAULT_RETRY_AFTER);
            return new RateLimitedException(wait, messages, Messages.idpRateLimited(call.label, wait.toSeconds()));
        }
        if (!error.json()) {
            return new IdpUnavailableException(status == 503 || status == 504 ? status : 502, status,
                    messages, Messages.idpErrorNotJson(call.label, status), null);
        }
        if (status == 401 && INTERACTION_REQUIRED.equals(error.error())) {
            return new SignInRequiredException(messages, Messages.interactionRequired(said));
        }
        if (status == 401 && call == Call.REVOKE && messages.stream().anyMatch(m -> m.contains("another user"))) {
            return new AccessDeniedException(status, messages,
                    Messages.anotherUsersSession(said));
        }
        // 401, and OAuth's invalid_grant (400) or any other refusal of the token endpoint.
        if (status >= 400 && status < 500 && (call == Call.CODE_EXCHANGE || call == Call.REFRESH)) {
            return new NotAuthenticatedException(status, messages, call == Call.REFRESH
                    ? Messages.idpRefusedRefresh(said) : Messages.idpRefusedCode(said));
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
    public AuthVitalException failed(Call call, RuntimeException failure) {
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
                    config.idp().connectTimeout().toMillis(), config.idp().readTimeout().toMillis()), failure);
        }
        if (causedBy(failure, IOException.class)) {
            return new IdpUnavailableException(503, null, List.of(),
                    Messages.idpUnreachable(call.label, config.idp().restUrl(), describe(failure)), failure);
        }
        return new IdpUnavailableException(502, null, List.of(), Messages.idpAnswerNotJson(call.label), failure);
    }

    /** A token answer without an access token, a refresh token or {@code expires_in}. */
    AuthVitalException incompleteTokens(Call call) {
        return new IdpUnavailableException(502, null, List.of(), Messages.idpTokensIncomplete(call.label), null);
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

    /** Why a connection failed, in plain words for messages that may reach a screen: "connection refused". */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException
                    || t instanceof TimeoutException) {
                return "timed out";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof IllegalStateException && t.getMessage() != null) {
                return t.getMessage(); // this module's own words, e.g. "answered 503"
            }
        }
        return "connection failed";
    }

    /**
     * An answer of the IdP with a status of 400 or more, read by {@link ErrorMapper} and turned
     * into the public exception by {@link #translate}, which knows which call it was.
     */
    public static final class ErrorAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final int status;
        private final boolean json;
        private final List<String> messages;
        private final String error;
        private final Duration retryAfter;

        public ErrorAnswer(int status, boolean json, List<String> messages) {
            this(status, json, messages, "", null);
        }

        ErrorAnswer(int status, boolean json, List<String> messages, String error, Duration retryAfter) {
            super("AuthVital answered " + status, null, false, false);
            this.status = status;
            this.json = json;
            this.messages = List.copyOf(messages);
            this.error = error;
            this.retryAfter = retryAfter;
        }

        /** The answer's {@code error} field: NestJS's reason phrase, or an OAuth error code; "" when none. */
        String error() {
            return error;
        }

        /** The answer's {@code Retry-After} in seconds, when it had one. */
        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        /** The same answer with this {@code Retry-After}. */
        ErrorAnswer retryingAfter(Duration wait) {
            return new ErrorAnswer(status, json, messages, error, wait);
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

    /**
     * Reads an error answer of the IdP (status 400 and up) into an {@link ErrorAnswer}. The NestJS
     * error shape is {@code {"statusCode":N,"message":".."|[".."],"error":".."}}; anything else (a
     * proxy's HTML page, an empty body) is kept as "not JSON" with no message.
     */
    public static final class ErrorMapper implements ResponseExceptionMapper<RuntimeException> {
        /** An error body is read at most this far: a huge proxy page must not be held in memory. */
        private static final int MAX_BODY = 64 * 1024;

        @Override
        public RuntimeException toThrowable(Response response) {
            String body;
            try {
                // At most one byte past what parse() reads: a larger page is not kept whole.
                body = response.hasEntity() ? head(response.readEntity(InputStream.class)) : "";
            } catch (ProcessingException | IllegalStateException | IOException e) {
                body = "";
            }
            ErrorAnswer answer = parse(response.getStatus(), body);
            Duration wait = retryAfter(response.getHeaderString("Retry-After"));
            return wait == null ? answer : answer.retryingAfter(wait);
        }

        /**
         * RFC 9110 §10.2.3 in seconds; an HTTP date or anything else is not used (the default
         * wait applies), and a wait is kept within an hour.
         */
        static Duration retryAfter(String header) {
            if (header == null || !header.strip().matches("\\d{1,9}")) {
                return null;
            }
            return Duration.ofSeconds(Math.min(3600, Long.parseLong(header.strip())));
        }

        private static String head(InputStream entity) throws IOException {
            try (InputStream in = entity) {
                return new String(in.readNBytes(MAX_BODY + 1), StandardCharsets.UTF_8);
            }
        }

        /** The error of an answer with this status and body. */
        static ErrorAnswer parse(int status, String body) {
            if (body == null || body.isBlank() || body.length() > MAX_BODY) {
                return new ErrorAnswer(status, false, List.of());
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonValue value = reader.readValue();
                if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                    return new ErrorAnswer(status, false, List.of());
                }
                JsonObject object = value.asJsonObject();
                return new ErrorAnswer(status, true, messages(object),
                        object.get("error") instanceof JsonString error ? error.getString() : "", null);
            } catch (JsonException | IllegalStateException e) {
                return new ErrorAnswer(status, false, List.of());
            }
        }

        private static List<String> messages(JsonObject error) {
            JsonValue message = error.get("message");
            if (message == null) {
                message = error.get("error_description"); // an OAuth error (RFC 6749 §5.2), not NestJS's shape
            }
            List<String> messages = new ArrayList<>();
            if (message instanceof JsonString text) {
                messages.add(text.getString());
            } else if (message != null && message.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue item : message.asJsonArray()) {
                    messages.add(item instanceof JsonString text ? text.getString() : item.toString());
                }
            }
            return messages;
        }
    }
}
