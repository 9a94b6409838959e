package com.authvital.jakarta.internal.telemetry;

import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The module's metrics and spans, by what happened rather than by instrument: one implementation
 * over the OpenTelemetry API ({@link OpenTelemetryTelemetry}), and {@link #NONE}. Every attribute
 * takes a few known values (an outcome, a message id, an endpoint, a status class), never a user,
 * a session, a token or an address, so that what anonymous callers send cannot grow the number of
 * series. docs/operations.md lists each metric and the alert it serves.
 */
public interface Telemetry {

    /** Where an access token came from: the {@code source} of {@code authvital.token.validations}. */
    enum Source {
        HEADER("header"), COOKIE("cookie"), CACHE("cache");

        public final String value;

        Source(String value) {
            this.value = value;
        }
    }

    /** What became of a validation: its {@code outcome}. */
    enum Outcome {
        ACCEPTED("accepted"), REFUSED("refused"), UNAVAILABLE("unavailable");

        public final String value;

        Outcome(String value) {
            this.value = value;
        }
    }

    /** What became of a refresh: the {@code outcome} of {@code authvital.refreshes}. */
    enum Refresh {
        SUCCESS("success"), SHARED("shared"), REFUSED("refused"), INTERACTION_REQUIRED("interaction_required"),
        RATE_LIMITED("rate_limited"), UNAVAILABLE("unavailable");

        public final String value;

        Refresh(String value) {
            this.value = value;
        }
    }

    /** The IdP's endpoints the module calls: the {@code endpoint} attribute and the span's name. */
    enum Endpoint {
        TOKEN("token"), SESSIONS("sessions"), REVOKE("revoke"), LOGOUT_ALL("logout_all"), LOGOUT("logout"),
        JWKS("jwks");

        public final String value;
        public final String spanName;

        Endpoint(String value) {
            this.value = value;
            this.spanName = "authvital.idp." + value;
        }
    }

    /** One IdP call under way: a client span and a timer, ended once. */
    interface Call {

        /**
         * Ends the call.
         *
         * @param status    the IdP's HTTP status; 0 when it gave none (unreachable, timed out)
         * @param messageId the module's message id when the call failed ({@code AV1201}), else null
         */
        void end(int status, String messageId);
    }

    /**
     * What the store's gauges read, each time the metrics are collected (never per request).
     *
     * @param regionSizes entries this server holds per region, by region id: at most the store's few regions
     */
    record StoreGauges(boolean reachable, int pendingWrites, Map<String, Integer> regionSizes) {
    }

    /** A call that records nothing. */
    Call NO_CALL = (status, messageId) -> {
    };

    // Each event does nothing by default: NONE is all defaults, an implementation records what it knows.

    /** A validation on a request: {@code messageId} is the refusal's id, null when accepted. */
    default void validation(Source source, Outcome outcome, String messageId) {
    }

    /** A refresh's outcome. */
    default void refresh(Refresh outcome) {
    }

    /** A revocation recorded here: {@code kind} is one of a few words ({@code session}, {@code user}, {@code token}, {@code reuse}). */
    default void revocation(String kind) {
    }

    /**
     * An AuthVital event was received: {@code type} one of the types the module knows or
     * {@code other}; {@code outcome} {@code applied}, {@code duplicate}, {@code ignored},
     * {@code refused} or {@code unavailable}.
     */
    default void event(String type, String outcome) {
    }

    /** Starts a call to the IdP: a client span, child of the current one, and its timer. */
    default Call idpCall(Endpoint endpoint) {
        return NO_CALL;
    }

    /** A fetch of the IdP's keys ended. */
    default void jwksFetch(boolean succeeded) {
    }

    /** Registers the gauges, once, when the module's parts exist. */
    default void gauges(IntSupplier tokenCacheSize, Supplier<StoreGauges> store) {
    }

    /**
     * Lets go of the gauges' callbacks when the application stops: the server's OpenTelemetry
     * outlives the application, and would otherwise keep reading (and holding) its parts.
     */
    default void close() {
    }

    /** Nothing recorded: no telemetry on the server, or turned off. */
    Telemetry NONE = new Telemetry() {
        @Override
        public String toString() {
            return "Telemetry.NONE";
        }
    };

    /**
     * The message id a catalogue text starts with ({@code AV1201} of {@code "AV1201E: ..."}),
     * without its severity letter; {@code "unknown"} for any other text. A bounded attribute value:
     * never the text itself, which may hold an address or a claim.
     */
    static String messageId(String message) {
        if (message != null && message.length() >= 6 && message.startsWith("AV")) {
            for (int i = 2; i < 6; i++) {
                if (!Character.isDigit(message.charAt(i))) {
                    return "unknown";
                }
            }
            return message.substring(0, 6);
        }
        return "unknown";
    }
}
