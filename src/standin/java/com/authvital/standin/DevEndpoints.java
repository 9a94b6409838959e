package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The test API under {@code /dev/}, which the real IdP does not have: create a session and its
 * tokens, read a session back, inject or remove a user's fault, read or clear the request log.
 * Minting odd tokens is {@link DevTokens}; keys, the JWKS fault and fetch counts are {@link DevKeyEndpoints}.
 */
final class DevEndpoints {

    private final IdpSessions store;
    private final TokenService tokens;
    private final Faults faults;
    private final RequestLog log;
    private final String clientId;

    DevEndpoints(IdpSessions store, TokenService tokens, Faults faults, RequestLog log, String clientId) {
        this.store = store;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
        this.clientId = clientId;
    }

    void register(Router router) {
        router.add("POST", "/dev/sessions", (call, params) -> createSession(call))
                .add("GET", "/dev/sessions/{}", (call, params) -> session(call, params.get(0)))
                .add("PUT", "/dev/users/{}/fault", (call, params) -> putFault(call, params.get(0)))
                .add("DELETE", "/dev/users/{}/fault", (call, params) -> deleteFault(call, params.get(0)))
                .add("GET", "/dev/requests", (call, params) -> call.sendJson(200, log.toJson()))
                .add("DELETE", "/dev/requests", (call, params) -> clearRequests(call));
    }

    /**
     * {@code {"userId","email","applicationId","userAgent","ipAddress","tenant","createdAt","expiresAt",
     * "accessTokenIssuedAt"}}, all optional; without userId a new user is made. An access token
     * issued more than its lifetime (1 h unless set, {@code /dev/settings}) ago is already expired.
     */
    private void createSession(IdpExchange call) throws IOException {
        JsonObject body = call.jsonObject();
        String userId = JsonSupport.string(body, "userId").filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        User user = store.userOrAdd(User.withDefaults(userId, JsonSupport.string(body, "email").orElse(null)));
        Instant createdAt = JsonSupport.instant(body, "createdAt").orElseGet(Instant::now);
        StoredSession session = new StoredSession(
                UUID.randomUUID().toString(),
                user.id(),
                JsonSupport.string(body, "applicationId").filter(id -> !id.isBlank()).orElse(clientId),
                createdAt,
                JsonSupport.instant(body, "expiresAt").orElse(createdAt.plus(TokenService.REFRESH_LIFETIME)),
                JsonSupport.string(body, "userAgent").orElse(null),
                JsonSupport.string(body, "ipAddress").orElse(null),
                JsonSupport.string(body, "tenant").orElse(null));
        store.add(session);
        call.sendJson(201, Json.createObjectBuilder()
                .add("userId", user.id())
                .add("sessionId", session.id())
                .add("accessToken", tokens.accessToken(user, session,
                        JsonSupport.instant(body, "accessTokenIssuedAt").orElseGet(Instant::now)))
                .add("refreshToken", tokens.refreshToken(session))
                .build());
    }

    private void session(IdpExchange call, String sessionId) throws IOException {
        StoredSession session = store.session(sessionId).orElseThrow(() -> HttpProblem.notFound("Session not found"));
        call.sendJson(200, session.toDevJson());
    }

    private void putFault(IdpExchange call, String userId) throws IOException {
        faults.put(userId, call.jsonObject());
        call.send(204, null, new byte[0]);
    }

    private void deleteFault(IdpExchange call, String userId) throws IOException {
        faults.remove(userId);
        call.send(204, null, new byte[0]);
    }

    private void clearRequests(IdpExchange call) throws IOException {
        log.clear();
        call.send(204, null, new byte[0]);
    }
}
