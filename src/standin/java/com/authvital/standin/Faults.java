package com.authvital.standin;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Injected faults: a delay, and an answer that replaces the normal one. Tests use them for "the
 * IdP is slow" and "a proxy in front of the IdP answers an HTML 502 page". Per-user faults
 * ({@code PUT /dev/users/{userId}/fault}) apply to the three bearer endpoints only; a route's
 * fault to that route alone: {@code PUT /dev/jwks/fault} to {@code GET /.well-known/jwks.json}
 * (a JWKS outage), {@code PUT /dev/token/fault} to {@code POST /oauth/token} (an outage or a 429
 * during a refresh).
 */
final class Faults {

    /**
     * One user's fault.
     *
     * @param delayMs     how long to sleep before answering
     * @param status      the status to answer instead of the normal answer; null keeps the normal one
     * @param contentType the content type of that answer
     * @param body        the body of that answer
     * @param stallAfter  when set, only this many bytes of the body are sent, and the connection is
     *                    then held open until the server stops
     * @param trickleMs   with {@code stallAfter}: 0 sends nothing more; else one more byte every so
     *                    many milliseconds, an answer that never finishes but is never silent
     * @param padding     how many spaces go before the body's last character (inside a JSON object,
     *                    where JSON allows them), for answers larger than a test can send in a fault
     * @param retryAfter  when set, the answer carries {@code Retry-After} with this many seconds
     */
    record Fault(long delayMs, Integer status, String contentType, String body, Integer stallAfter, long trickleMs,
            int padding, Long retryAfter) {
    }

    /** The routes that can have a fault of their own. */
    enum Route {
        /** {@code GET /.well-known/jwks.json}. */
        JWKS,
        /** {@code POST /oauth/token}. */
        TOKEN
    }

    /** A route's fault answers 503 unless told otherwise: what a load balancer says with no backend. */
    static final int ROUTE_STATUS = 503;

    private final Map<String, Fault> byUser = new ConcurrentHashMap<>();
    private final Map<Route, Fault> byRoute = new ConcurrentHashMap<>();

    /**
     * Stores the fault described by {@code {"delayMs","status","contentType","body","stallAfterBytes",
     * "trickleMs","paddingBytes","retryAfterSeconds"}}, all optional.
     */
    Fault put(String userId, JsonObject spec) {
        Fault fault = parse(spec, null);
        byUser.put(userId, fault);
        return fault;
    }

    void remove(String userId) {
        byUser.remove(userId);
    }

    /** Stores the route's fault, same fields; the status defaults to {@value #ROUTE_STATUS}. */
    Fault put(Route route, JsonObject spec) {
        Fault fault = parse(spec, ROUTE_STATUS);
        byRoute.put(route, fault);
        return fault;
    }

    void remove(Route route) {
        byRoute.remove(route);
    }

    /**
     * Applies the user's fault, if any: sleeps, then answers the fault's status.
     *
     * @return true when the fault answered and the normal handler must not run
     */
    boolean intercept(IdpExchange call, String userId) throws IOException {
        return apply(call, byUser.get(userId));
    }

    /** Applies the route's fault, if any; true when it answered instead of the route. */
    boolean intercept(IdpExchange call, Route route) throws IOException {
        return apply(call, byRoute.get(route));
    }

    private static Fault parse(JsonObject spec, Integer defaultStatus) {
        Optional<Long> status = JsonSupport.count(spec, "status");
        if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
            throw HttpProblem.badRequest("status must be an HTTP status between 100 and 599");
        }
        return new Fault(
                JsonSupport.count(spec, "delayMs").orElse(0L),
                status.map(Long::intValue).orElse(defaultStatus),
                JsonSupport.string(spec, "contentType").orElse("text/plain; charset=utf-8"),
                JsonSupport.string(spec, "body").orElse(""),
                JsonSupport.count(spec, "stallAfterBytes").map(Long::intValue).orElse(null),
                JsonSupport.count(spec, "trickleMs").orElse(0L),
                JsonSupport.count(spec, "paddingBytes").orElse(0L).intValue(),
                JsonSupport.count(spec, "retryAfterSeconds").orElse(null));
    }

    private static boolean apply(IdpExchange call, Fault fault) throws IOException {
        if (fault == null) {
            return false;
        }
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException stopping) {
                // The server is closing: keep the flag and answer at once.
                Thread.currentThread().interrupt();
            }
        }
        if (fault.status() == null) {
            return false;
        }
        String text = fault.body();
        if (fault.padding() > 0 && !text.isEmpty()) {
            // before the last character: inside a JSON object, so that a reader must read them all
            text = text.substring(0, text.length() - 1) + " ".repeat(fault.padding()) + text.substring(text.length() - 1);
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (fault.retryAfter() != null) {
            call.addHeader("Retry-After", fault.retryAfter().toString());
        }
        if (fault.stallAfter() != null) {
            call.sendStalled(fault.status(), fault.contentType(), body, fault.stallAfter(), fault.trickleMs());
        } else {
            call.send(fault.status(), fault.contentType(), body);
        }
        return true;
    }
}
