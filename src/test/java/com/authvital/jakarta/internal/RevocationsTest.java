package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a revocation denies, through the store as every server reads it. */
class RevocationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryStore store = new InMemoryStore(clock, 10_000);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private final Revocations revocations = new Revocations(store, clock, SKEW);
    /** Another server's view of the same store. */
    private final Revocations otherServer = new Revocations(store, clock, SKEW);

    private ValidatedToken token(String value, String user, long issuedAt) {
        AuthVitalPrincipal principal = new AuthVitalPrincipal(Map.of("sub", user, "iat", issuedAt));
        return new ValidatedToken(value, principal, clock.millis() + 3_600_000, "kid-1");
    }

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }

    @Test
    void revokingASessionDeniesTheTokensOfItsWholeChainAndNoOthers() {
        long now = clock.instant().getEpochSecond();
        revocations.signedIn("s1", "token-1", inAnHour());
        revocations.refreshed("s1", "s2", "token-2", inAnHour());
        revocations.refreshed("s2", "s3", "token-3", inAnHour());
        revocations.signedIn("other", "token-other", inAnHour());

        otherServer.denySession("s2");

        for (String denied : List.of("token-1", "token-2", "token-3")) {
            assertTrue(revocations.refuses(token(denied, "u1", now)), denied);
        }
        assertFalse(revocations.refuses(token("token-other", "u1", now)));
        assertTrue(revocations.deniesSession("s3"), "the chain's newest refresh token goes too");
        assertFalse(revocations.deniesSession("other"));
    }

    @Test
    void aRefreshCrossingTheRevocationOfItsChainGivesADeniedToken() {
        revocations.signedIn("s1", "token-1", inAnHour());
        revocations.denySession("s1");
        otherServer.refreshed("s1", "s2", "token-2", inAnHour());
        assertTrue(revocations.refuses(token("token-2", "u1", clock.instant().getEpochSecond())));
    }

    @Test
    void aNewSessionRevokedBeforeItsChainWasRecordedTakesItsTokenAlong() {
        // "Sign out other devices" on one server lists and revokes a session that a refresh on
        // another server has made at the IdP but not yet recorded.
        revocations.signedIn("s1", "token-1", inAnHour());
        otherServer.denySession("s2");
        revocations.refreshed("s1", "s2", "token-2", inAnHour());
        assertTrue(revocations.refuses(token("token-2", "u1", clock.instant().getEpochSecond())));
        assertTrue(revocations.deniesSession("s2"), "nor is its refresh token used");
        assertFalse(revocations.refuses(token("token-1", "u1", clock.instant().getEpochSecond())),
                "the device's earlier session was not revoked");
    }

    @Test
    void aDenialLastsAsLongAsTheValidatorWouldStillAcceptTheToken() {
        Instant expiresAt = clock.instant().plusSeconds(60);
        revocations.denyToken("logged-out-token", Optional.of(expiresAt));
        clock.advance(Duration.ofSeconds(60).plus(SKEW).minusSeconds(1));
        assertTrue(revocations.refuses(token("logged-out-token", "u1", 0)), "within the clock skew after exp");
    }

    @Test
    void aLateEarlierLogOutEverywhereDoesNotReadmitTokens() {
        Instant later = clock.instant();
        revocations.denyUser("u1", later);
        otherServer.denyUser("u1", later.minusSeconds(120)); // an earlier revocation, written late
        assertTrue(revocations.refuses(token("issued-a-minute-before", "u1", later.getEpochSecond() - 60)));
    }

    @Test
    void loggingOutEverywhereDeniesTheUsersTokensOfThatSecondAndBeforeOnly() {
        long now = clock.instant().getEpochSecond();
        revocations.denyUser("u1", clock.instant());
        assertTrue(revocations.refuses(token("a-mobile-apps-token", "u1", now - 600)));
        assertTrue(revocations.refuses(token("same-second", "u1", now)));
        assertFalse(revocations.refuses(token("signed-in-after", "u1", now + 1)));
        assertFalse(revocations.refuses(token("someone-else", "u2", now - 600)));
    }

    @Test
    void aDeniedTokenIsRefusedUntilItWouldHaveExpiredAndTheStoreHoldsNoToken() {
        revocations.denyToken("logged-out-token", Optional.of(clock.instant().plusSeconds(60)));
        assertTrue(revocations.refuses(token("logged-out-token", "u1", 0)));
        assertTrue(store.snapshot(SessionStore.Region.DENIALS).keySet().stream().noneMatch(k -> k.contains("logged-out")));
        clock.advance(Duration.ofSeconds(60).plus(SKEW));
        assertFalse(revocations.refuses(token("logged-out-token", "u1", 0)));
    }
}
