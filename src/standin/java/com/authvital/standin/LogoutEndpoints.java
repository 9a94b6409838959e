package com.authvital.standin;

import java.io.IOException;
import java.util.Optional;

/**
 * Logout of the current session by its refresh token: {@code POST /oauth/logout}, the API the
 * SDK calls, with its four answers; it needs no access token. Like the IdP there is no
 * {@code GET /oauth/logout} (404), although discovery names it: the browser's logout is
 * {@link BrowserLogout}.
 */
final class LogoutEndpoints {

    static final String LOGOUT = "/oauth/logout";

    private final IdpSessions store;
    private final TokenService tokens;

    LogoutEndpoints(IdpSessions store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("POST", LOGOUT, (call, params) -> logout(call));
    }

    private void logout(IdpExchange call) throws IOException {
        Optional<String> token = JsonSupport.string(call.jsonObject(), "refresh_token")
                .filter(t -> !t.isBlank())
                .or(() -> TokenCookies.read(call, TokenCookies.REFRESH));
        TokenCookies.clear(call);
        if (token.isEmpty()) {
            call.sendJson(200, SessionEndpoints.outcome(true, "Logged out (no active session)"));
            return;
        }
        Optional<String> sessionId = tokens.refreshSessionId(token.get());
        if (sessionId.isEmpty()) {
            // Invalid, expired or forged: the IdP still reports a logout, it has nothing to revoke.
            call.sendJson(200, SessionEndpoints.outcome(true, "Logged out"));
            return;
        }
        boolean revoked = store.session(sessionId.get()).map(StoredSession::revoke).orElse(false);
        call.sendJson(200, revoked
                ? SessionEndpoints.outcome(true, SessionEndpoints.REVOKED)
                : SessionEndpoints.outcome(false, SessionEndpoints.NOT_FOUND_OR_REVOKED));
    }
}
