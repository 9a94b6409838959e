package com.authvital.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dispatches on the method and the RAW path, split on {@code /}, so an encoded {@code %2F}
 * inside a session id never splits a segment. Placeholder segments are decoded once, here.
 * Records {@code /oauth/*} and {@code /api/*} requests before anything else, applies the
 * {@link RateLimiter} to the IdP's routes (not {@code /dev/*}), and answers errors NestJS-style.
 */
final class Router implements HttpHandler {

    /** A route's handler; {@code params} are the decoded placeholder segments, in order. */
    interface Handler {
        void handle(IdpExchange call, List<String> params) throws IOException;
    }

    private record Route(String method, String pattern, String[] segments, Handler handler) {
    }

    private record Match(Route route, List<String> params) {
    }

    private static final String PLACEHOLDER = "{}";

    private final List<Route> routes = new ArrayList<>();
    private final RequestLog log;
    private final BearerGuard guard;
    private final RateLimiter limiter;

    Router(RequestLog log, BearerGuard guard, RateLimiter limiter) {
        this.log = log;
        this.guard = guard;
        this.limiter = limiter;
    }

    /** Adds a route; {@code pattern} is a path whose {@code {}} segments match one raw segment each. */
    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern, pattern.split("/", -1), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            IdpExchange call = new IdpExchange(exchange);
            try {
                dispatch(call);
            } catch (HttpProblem problem) {
                call.sendJson(problem.status(), problem.body());
            } catch (RuntimeException bug) {
                // A bug in the stand-in, not a token problem: its message holds no secret.
                bug.printStackTrace();
                call.sendJson(500, new HttpProblem(500, "Internal server error").body());
            }
        } finally {
            exchange.close();
        }
    }

    private void dispatch(IdpExchange call) throws IOException {
        Optional<Match> match = match(call.method(), call.rawPath());
        if (call.rawPath().startsWith("/oauth/") || call.rawPath().startsWith("/api/")) {
            record(call, match);
        }
        if (!call.isForm()) {
            call.json(); // like the IdP's body parser: malformed JSON is a 400 before any route runs
        }
        Match found = match.orElseThrow(() -> HttpProblem.noRoute(call));
        if (found.params().contains(null)) {
            throw HttpProblem.badRequest("Failed to decode param '" + call.rawPath() + "'");
        }
        String pattern = found.route().pattern();
        if (!pattern.startsWith("/dev/") && !limiter.admit(call, pattern.equals(TokenEndpoint.TOKEN))) {
            return;
        }
        found.route().handler().handle(call, found.params());
    }

    private void record(IdpExchange call, Optional<Match> match) {
        String pattern = match.map(m -> m.route().pattern()).orElse("");
        String sessionId = pattern.equals(SessionEndpoints.REVOKE) ? match.get().params().get(0) : null;
        JsonValue body = null;
        if (pattern.equals(SessionEndpoints.LOGOUT_ALL)) {
            try {
                body = call.json().orElse(null);
            } catch (HttpProblem malformed) {
                body = null; // recorded as null; the 400 is answered after recording
            }
        }
        log.record(call, sessionId, guard.subjectOrNull(call), body);
    }

    private Optional<Match> match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (Route route : routes) {
            if (route.method().equals(method) && route.segments().length == segments.length) {
                List<String> params = params(route.segments(), segments);
                if (params != null) {
                    return Optional.of(new Match(route, params));
                }
            }
        }
        return Optional.empty();
    }

    /** The decoded placeholders, null for a segment that does not decode; null when no match. */
    private static List<String> params(String[] pattern, String[] segments) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals(PLACEHOLDER)) {
                if (!pattern[i].equals(segments[i])) {
                    return null;
                }
            } else if (segments[i].isEmpty()) {
                return null;
            } else {
                params.add(decodeOrNull(segments[i]));
            }
        }
        return params;
    }

    private static String decodeOrNull(String segment) {
        try {
            return FormCodec.decodeSegment(segment);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
