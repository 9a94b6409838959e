package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The three bearer endpoints of the contract: list sessions, revoke one, revoke all
 * ({@code /oauth/logout-all}). Answers, status codes and messages are the IdP's, word for word.
 */
final class SessionEndpoints {

    static final String LIST = "/oauth/sessions";
    static final String REVOKE = "/oauth/sessions/{}/revoke";
    static final String LOGOUT_ALL = "/oauth/logout-all";

    static final String REVOKED = "Session revoked successfully";
    static final String NOT_FOUND_OR_REVOKED = "Session not found or already revoked";

    private final IdpSessions store;

    SessionEndpoints(IdpSessions store) {
        this.store = store;
    }

    void register(Router router, BearerGuard guard) {
        router.add("GET", LIST, guard.protect((call, params, userId) -> list(call, userId)))
                .add("POST", REVOKE, guard.protect((call, params, userId) -> revoke(call, params.get(0), userId)))
                .add("POST", LOGOUT_ALL, guard.protect((call, params, userId) -> logoutAll(call, userId)));
    }

    private void list(IdpExchange call, String userId) throws IOException {
        List<StoredSession> sessions = store.live(userId, call.query("application_id"), Instant.now());
        JsonArrayBuilder items = Json.createArrayBuilder();
        sessions.forEach(s -> items.add(s.toListJson()));
        call.sendJson(200, Json.createObjectBuilder()
                .add("sessions", items)
                .add("count", sessions.size())
                .build());
    }

    private void revoke(IdpExchange call, String sessionId, String userId) throws IOException {
        StoredSession session = store.session(sessionId)
                .orElseThrow(() -> HttpProblem.notFound("Session not found"));
        if (!session.userId().equals(userId)) {
            throw HttpProblem.unauthorized("Cannot revoke another user's session");
        }
        // The IdP does not look at expiry here: an expired, unrevoked session is revoked.
        call.sendJson(200, session.revoke() ? outcome(true, REVOKED) : outcome(false, NOT_FOUND_OR_REVOKED));
    }

    private void logoutAll(IdpExchange call, String userId) throws IOException {
        Optional<String> applicationId = JsonSupport.string(call.jsonObject(), "application_id")
                .filter(id -> !id.isBlank());
        long count = store.live(userId, applicationId, Instant.now()).stream()
                .filter(StoredSession::revoke)
                .count();
        TokenCookies.clear(call);
        call.sendJson(200, Json.createObjectBuilder()
                .add("success", true)
                .add("message", "Revoked " + count + " session(s)")
                .add("count", count)
                .build());
    }

    /** {@code {"success":..,"message":..}}, the answer of revoke and logout. */
    static JsonObject outcome(boolean success, String message) {
        return Json.createObjectBuilder().add("success", success).add("message", message).build();
    }
}
