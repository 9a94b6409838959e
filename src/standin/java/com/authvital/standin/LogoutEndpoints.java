package com.authvital.standin;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Logout of the current session by its refresh token: {@code POST /oauth/logout} (the API the
 * SDK calls, with its four answers) and {@code GET /oauth/logout} (the browser's RP-initiated
 * logout, OIDC RP-Initiated Logout 1.0 §2). Neither needs an access token.
 */
final class LogoutEndpoints {

    static final String LOGOUT = "/oauth/logout";

    private final SessionStore store;
    private final TokenService tokens;

    LogoutEndpoints(SessionStore store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("POST", LOGOUT, (call, params) -> logout(call))
                .add("GET", LOGOUT, (call, params) -> browserLogout(call));
    }

    private void logout(Call call) throws IOException {
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

    private void browserLogout(Call call) throws IOException {
        TokenCookies.read(call, TokenCookies.REFRESH)
                .flatMap(tokens::refreshSessionId)
                .flatMap(store::session)
                .ifPresent(StoredSession::revoke);
        TokenCookies.clear(call);
        Optional<String> target = call.query("post_logout_redirect_uri").filter(Pages::isSafeRedirect);
        if (target.isEmpty()) {
            call.sendHtml(200, Pages.page("Logged out", "You have been logged out of AuthVital."));
            return;
        }
        String location = target.get();
        Optional<String> state = call.query("state");
        if (state.isPresent()) {
            location += (location.contains("?") ? "&" : "?") + "state="
                    + URLEncoder.encode(state.get(), StandardCharsets.UTF_8).replace("+", "%20");
        }
        call.redirect(302, location);
    }
}
