package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.jakarta.internal.idp.TokenBudget;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.token.TokenValidator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The refresh results the servers share: sealed, and bound to the session they replace; and what
 * the refresher decides before any call to the IdP: a result of the grace handed out again, a
 * spent token refused (its chain denied when its successor was handed out), the budget's refusal.
 * The refresher is given no IdP client ({@code null}): each of these must be decided without a call.
 * A refresh the IdP answers needs the server's REST Client ({@code it.refresh.*IT}).
 */
class TokenRefresherTest {

    private static final Duration GRACE = Duration.ofSeconds(30);
    /** The IdP client none of these decisions may use. */
    private static final IdpClient NO_CALL = null;

    private final SessionStore store = new InMemoryStore();
    private final Revocations revocations = new Revocations(store, Clock.systemUTC(), Duration.ofSeconds(30));
    private final Sealer sealer = sealer();
    private final TokenValidator validator = new TokenValidator(AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
            "authvital.host", "https://auth.example.com", "authvital.client-id", "my-app").get(key))));
    private final Instant expiresAt = Instant.now().plus(Duration.ofDays(7));

    @AfterEach
    void closeValidator() {
        validator.close();
    }

    private TokenRefresher refresher(TokenBudget budget) {
        return new TokenRefresher(NO_CALL, validator, revocations, new DeviceRecords(store, Clock.systemUTC()), store,
                sealer, GRACE, false, Duration.ofSeconds(2), budget, Clock.systemUTC());
    }

    private TokenRefresher refresher() {
        return refresher(new TokenBudget(100, 10, Clock.systemUTC()));
    }

    /** The session {@code old} was refreshed into {@code next}, which got {@code accessToken}, and handed out. */
    private void refreshedAndHandedOut(String old, String next, String accessToken) {
        revocations.spending(old, expiresAt);
        revocations.refreshed(old, next, expiresAt, accessToken, Instant.now().plusSeconds(3600), 0);
        revocations.rotated(old, expiresAt);
    }

    private static Sealer sealer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Sealer(new SecretKeySpec(key, "AES"));
    }

    private static final TokenAnswer TOKENS = new TokenAnswer("new-access-token", "Bearer", 3600L,
            "new-refresh-token", "openid", null);

    @Test
    void aResultIsOpenedForItsOwnSessionAndHoldsNoTokenInTheClear() {
        Sealer sealer = sealer();
        String sealed = TokenRefresher.seal(sealer, "session-1", TOKENS);
        assertFalse(sealed.contains("new-access-token") || sealed.contains("new-refresh-token"));
        Optional<TokenAnswer> opened = TokenRefresher.open(sealer, "session-1", sealed);
        assertEquals(Optional.of("new-access-token"), opened.map(TokenAnswer::accessToken));
        assertEquals(Optional.of("new-refresh-token"), opened.map(TokenAnswer::refreshToken));
        assertEquals(Optional.of(3600L), opened.map(TokenAnswer::expiresIn));
    }

    @Test
    void aResultMovedUnderAnotherSessionIsNotHandedOut() {
        // Whoever can write to the cache copies a victim's sealed result under their own old session.
        Sealer sealer = sealer();
        String victims = TokenRefresher.seal(sealer, "victims-session", TOKENS);
        assertTrue(TokenRefresher.open(sealer, "attackers-session", victims).isEmpty());
    }

    @Test
    void aResultSealedWithAnotherKeyIsNotOpened() {
        String sealed = TokenRefresher.seal(sealer(), "session-1", TOKENS);
        assertTrue(TokenRefresher.open(sealer(), "session-1", sealed).isEmpty());
    }

    @Test
    void aRefreshTokenPresentedAgainWithinTheGraceGetsTheSameNewTokensWithoutACall() {
        // Another request, on this server or another, refreshed it a moment ago and kept the result.
        refreshedAndHandedOut("session-1", "session-2", "new-access-token");
        store.put(SessionStore.Region.REFRESHES, "session-1", TokenRefresher.seal(sealer, "session-1", TOKENS),
                Instant.now().plus(GRACE));
        TokenRefresher refresher = refresher();

        TokenRefresher.Refreshed first = refresher.refresh("old-refresh-token", new TokenValidator.RefreshToken("session-1", expiresAt));
        TokenRefresher.Refreshed second = refresher.refresh("old-refresh-token", new TokenValidator.RefreshToken("session-1", expiresAt));

        assertEquals("new-access-token", first.tokens().accessToken());
        assertEquals("new-refresh-token", first.tokens().refreshToken());
        assertEquals(first.tokens().refreshToken(), second.tokens().refreshToken());
        assertFalse(revocations.deniesSession("session-2"), "the successor stays usable");
    }

    @Test
    void aRefreshTokenPresentedAgainAfterTheGraceIsRefusedAndItsWholeChainDenied() {
        revocations.signedIn("session-1", "first-access-token", Instant.now().plusSeconds(3600), 0);
        refreshedAndHandedOut("session-1", "session-2", "second-access-token");

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, () -> refresher()
                .refresh("stolen-refresh-token", new TokenValidator.RefreshToken("session-1", expiresAt)));

        assertEquals(401, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1411E: "), e.getMessage());
        assertTrue(revocations.deniesSession("session-2"), "the successor's refresh token goes too (AV1413)");
        assertTrue(revocations.deniesSession("session-1"));
    }

    @Test
    void aRefreshTokenWhoseAnswerWasLostIsRefusedWithoutDenyingItsChain() {
        // Spent before a call whose answer never came: no successor was handed out, so no theft.
        revocations.spending("session-1", expiresAt);

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, () -> refresher()
                .refresh("old-refresh-token", new TokenValidator.RefreshToken("session-1", expiresAt)));

        assertTrue(e.getMessage().startsWith("AV1411E: "), e.getMessage());
        assertFalse(revocations.deniesSession("session-1"));
    }

    @Test
    void overThisServersBudgetARefreshIsRefusedWith503AndRetryAfterAndTheTokenIsNotSpent() {
        TokenBudget budget = new TokenBudget(1, 1, Clock.systemUTC());
        assertTrue(budget.refresh().granted(), "the minute's one call");

        RateLimitedException e = assertThrows(RateLimitedException.class, () -> refresher(budget)
                .refresh("refresh-token", new TokenValidator.RefreshToken("session-1", expiresAt)));

        assertEquals(503, e.getStatus());
        assertTrue(e.getIdpStatus().isEmpty(), "the IdP was not asked");
        assertTrue(e.getRetryAfter().compareTo(Duration.ZERO) > 0
                && e.getRetryAfter().compareTo(Duration.ofMinutes(1)) <= 0, e.getRetryAfter().toString());
        assertTrue(e.getMessage().startsWith("AV1422E: "), e.getMessage());
        assertTrue(revocations.spent("session-1").isEmpty(), "not sent, so still good for the next request");
    }
}
