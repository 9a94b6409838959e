package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two people of the sign-in page, "Demo User" and "Second User": made once per stand-in
 * run, so every sign-in as one of them is the same user (same {@code sub}). The Demo User also
 * has two older sessions on other devices, made at start, so that a devices page has more than
 * this browser to show. The Demo User holds the application role {@code admin}, the Second
 * User none.
 */
final class DemoUsers {

    /** The {@code decision} of the sign-in page that signs in as the Demo User. */
    static final String DEMO = "demo";
    /** The {@code decision} of the sign-in page that signs in as the Second User. */
    static final String SECOND = "second";

    static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private final IdpSessions store;
    private final String clientId;
    private volatile User demo;
    private final User second;

    DemoUsers(IdpSessions store, String clientId) {
        this.store = store;
        this.clientId = clientId;
        this.second = store.userOrAdd(new User(UUID.randomUUID().toString(), "second.user@example.test",
                "Second", "User"));
        reset();
    }

    /** A new Demo User (a new id), with just its two older sessions; the old one keeps what it had. */
    synchronized DemoUsers reset() {
        // The Demo User is the demo's administrator (app_roles ["admin"]); the Second User is not.
        demo = store.userOrAdd(new User(UUID.randomUUID().toString(), "demo.user@example.test", "Demo", "User",
                List.of("admin")));
        Instant now = Instant.now();
        // Older sessions on other devices, recorded with their browser as the IdP's console does.
        seed(now.minus(Duration.ofDays(3).plusHours(5)), FIREFOX_LINUX, "198.51.100.7", "acme");
        seed(now.minus(Duration.ofDays(1).plusHours(2)), SAFARI_IPHONE, "203.0.113.24", null);
        return this;
    }

    /** The user a sign-in page's {@code decision} names; empty for anything else. */
    Optional<User> byDecision(String decision) {
        if (DEMO.equals(decision)) {
            return Optional.of(demo);
        }
        return SECOND.equals(decision) ? Optional.of(second) : Optional.empty();
    }

    /** {@code {"demo":{"id","email"},"second":{"id","email"}}}, for {@code GET /dev/demo-users}. */
    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add(DEMO, Json.createObjectBuilder().add("id", demo.id()).add("email", demo.email()))
                .add(SECOND, Json.createObjectBuilder().add("id", second.id()).add("email", second.email()))
                .build();
    }

    private void seed(Instant createdAt, String userAgent, String ip, String tenant) {
        store.add(new StoredSession(UUID.randomUUID().toString(), demo.id(), clientId, createdAt,
                createdAt.plus(TokenService.REFRESH_LIFETIME), userAgent, ip, tenant));
    }
}
