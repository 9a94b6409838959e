package com.authvital.standin;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /api/auth/logout/redirect?post_logout_redirect_uri=..}, the IdP's browser logout
 * (the contract's "Logout in a browser"): revokes the session behind the IdP's own
 * {@code refresh_token} cookie, clears its cookies ({@code idp_session}, {@code auth_token},
 * {@code access_token}, {@code refresh_token}) and answers {@code 302} to the URI when its origin
 * is registered (for the stand-in: a loopback one, {@link Pages#loopbackUri}), else a
 * "You've been logged out" page. It takes no {@code id_token_hint} and no {@code state}.
 */
final class BrowserLogout {

    static final String PATH = "/api/auth/logout/redirect";

    private final IdpSessions store;
    private final TokenService tokens;

    BrowserLogout(IdpSessions store, TokenService tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.add("GET", PATH, (call, params) -> logout(call));
    }

    private void logout(IdpExchange call) throws IOException {
        TokenCookies.read(call, TokenCookies.REFRESH)
                .flatMap(tokens::refreshSessionId)
                .flatMap(store::session)
                .ifPresent(StoredSession::revoke);
        TokenCookies.clearAll(call);
        Optional<String> target = call.query("post_logout_redirect_uri")
                .filter(uri -> Pages.loopbackUri(uri).isPresent());
        if (target.isPresent()) {
            call.redirect(302, target.get());
        } else {
            call.sendHtml(200, Pages.page("Logged out", "You've been logged out."));
        }
    }
}
