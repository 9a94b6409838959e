package com.authvital.standin;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code GET /dev/login?redirect=<url>}: signs a browser in for the demo. Makes a "Demo User"
 * with three live sessions on three devices, so the demo's "manage devices" page has something
 * to show, and sets the cookies of the newest one, which is this browser's. The demo's shortcut
 * until it signs in through {@code /oauth/authorize} ({@link AuthorizeEndpoint}); not the IdP's.
 */
final class DemoLogin {

    private final SessionStore store;
    private final TokenService tokens;
    private final String clientId;

    DemoLogin(SessionStore store, TokenService tokens, String clientId) {
        this.store = store;
        this.tokens = tokens;
        this.clientId = clientId;
    }

    void register(Router router) {
        router.add("GET", "/dev/login", (call, params) -> login(call));
    }

    private void login(Call call) throws IOException {
        String userId = UUID.randomUUID().toString();
        User user = store.userOrAdd(new User(userId, "demo-" + userId.substring(0, 8) + "@example.test",
                "Demo", "User"));
        Instant now = Instant.now();
        // Older sessions first, so the devices list shows them spread over the last days.
        open(user, now.minus(Duration.ofDays(3).plusHours(5)), DemoUsers.FIREFOX_LINUX, "198.51.100.7", "acme");
        open(user, now.minus(Duration.ofDays(1).plusHours(2)), DemoUsers.SAFARI_IPHONE, "203.0.113.24", null);
        StoredSession current = open(user, now, call.header("User-Agent").filter(ua -> !ua.isBlank())
                .orElse(DemoUsers.CHROME_WINDOWS), call.remoteAddress(), null);
        TokenCookies.set(call, tokens.accessToken(user, current), tokens.refreshToken(current));

        Optional<String> redirect = call.query("redirect").filter(Pages::isSafeRedirect);
        if (redirect.isPresent()) {
            call.redirect(303, redirect.get());
        } else {
            call.sendHtml(200, Pages.page("Signed in",
                    "Signed in as Demo User (" + user.email() + ", user id " + user.id() + ")."));
        }
    }

    private StoredSession open(User user, Instant createdAt, String userAgent, String ipAddress, String tenant) {
        StoredSession session = new StoredSession(UUID.randomUUID().toString(), user.id(), clientId, createdAt,
                createdAt.plus(TokenService.REFRESH_LIFETIME), userAgent, ipAddress, tenant);
        store.add(session);
        return session;
    }
}
