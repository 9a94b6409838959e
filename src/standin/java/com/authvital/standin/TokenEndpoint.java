package com.authvital.standin;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /oauth/token} with {@code grant_type=refresh_token} (form-encoded), the only
 * grant the module uses. Errors are OAuth's ({@code {"error","error_description"}}, RFC 6749 §5.2),
 * not NestJS's. The refresh token is rotated; the session stays the same.
 */
final class TokenEndpoint {

    static final String TOKEN = "/oauth/token";

    private final SessionStore store;
    private final TokenService tokens;

    TokenEndpoint(SessionStore store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("POST", TOKEN, (call, params) -> token(call));
    }

    private void token(Call call) throws IOException {
        Map<String, String> form = call.form();
        if (!"refresh_token".equals(form.get("grant_type"))) {
            error(call, "unsupported_grant_type", "Only grant_type=refresh_token is supported here");
            return;
        }
        Optional<StoredSession> session = Optional.ofNullable(form.get("refresh_token"))
                .flatMap(tokens::refreshSessionId)
                .flatMap(store::session)
                .filter(s -> s.isLive(Instant.now()));
        Optional<User> user = session.flatMap(s -> store.user(s.userId()));
        if (session.isEmpty() || user.isEmpty()) {
            error(call, "invalid_grant", "Invalid or expired refresh token");
            return;
        }
        String clientId = form.get("client_id");
        if (clientId != null && !clientId.equals(session.get().applicationId())) {
            error(call, "invalid_grant", "Refresh token was not issued to this client");
            return;
        }
        call.sendJson(200, Json.createObjectBuilder()
                .add("access_token", tokens.accessToken(user.get(), session.get()))
                .add("token_type", "Bearer")
                .add("expires_in", TokenService.ACCESS_LIFETIME.toSeconds())
                .add("refresh_token", tokens.refreshToken(session.get()))
                .add("scope", TokenService.SCOPE)
                .build());
    }

    private static void error(Call call, String error, String description) throws IOException {
        call.sendJson(400, Json.createObjectBuilder()
                .add("error", error)
                .add("error_description", description)
                .build());
    }
}
