package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.token.TokenKeys;
import com.authvital.jakarta.internal.token.ValidatedToken;
import com.authvital.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a revocation denies, through the store as every server reads it. */
class RevocationsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemoryStore store = new InMemoryStore(clock, 10_000);
    private static final Duration SKEW = Duration.ofSeconds(30);
    private final Revocations revocations = new Revocations(store, clock, SKEW);
    /** Another server's view of the same store. */
    private final Revocations otherServer = new Revocations(store, clock, SKEW);

    private ValidatedToken token(String value, String user, long issuedAt) {
        return token(value, user, issuedAt, clock.instant().plus(Duration.ofHours(1)));
    }

    private ValidatedToken token(String value, String user, long issuedAt, Instant expiresAt) {
        AuthVitalPrincipal principal = new AuthVitalPrincipal(Map.of("sub", user, "iat", issuedAt));
        return new ValidatedToken(value, principal, expiresAt.toEpochMilli(), "kid-1");
    }

    private Instant inAnHour() {
        return clock.instant().plus(Duration.ofHours(1));
    }

    private Instant inAWeek() {
        return clock.instant().plus(Duration.ofDays(7));
    }

    /** A refresh as TokenRefresher records it: the old token spent, then rotated, then the new session's chain. */
    private void refresh(Revocations server, String oldId, String newId, String accessToken) {
        server.spending(oldId, inAWeek());
        server.rotated(oldId, inAWeek());
        server.refreshed(oldId, newId, inAWeek(), accessToken, inAnHour(), 0);
    }

    @Test
    void revokingASessionDeniesTheTokensOfItsWholeChainAndNoOthers() {
        long now = clock.instant().getEpochSecond();
        revocations.signedIn("s1", "token-1", inAnHour(), 0);
        refresh(revocations, "s1", "s2", "token-2");
        refresh(revocations, "s2", "s3", "token-3");
        revocations.signedIn("other", "token-other", inAnHour(), 0);

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
        revocations.signedIn("s1", "token-1", inAnHour(), 0);
        revocations.denySession("s1");
        refresh(otherServer, "s1", "s2", "token-2");
        assertTrue(revocations.refuses(token("token-2", "u1", clock.instant().getEpochSecond())));
    }

    @Test
    void aNewSessionRevokedBeforeItsChainWasRecordedTakesItsTokenAlong() {
        // "Sign out other devices" on one server lists and revokes a session that a refresh on
        // another server has made at the IdP but not yet recorded.
        revocations.signedIn("s1", "token-1", inAnHour(), 0);
        otherServer.denySession("s2");
        refresh(revocations, "s1", "s2", "token-2");
        assertTrue(revocations.refuses(token("token-2", "u1", clock.instant().getEpochSecond())));
        assertTrue(revocations.deniesSession("s2"), "nor is its refresh token used");
        assertFalse(revocations.refuses(token("token-1", "u1", clock.instant().getEpochSecond())),
                "the device's earlier session was not revoked");
    }

    @Test
    void aDenialLastsAsLongAsTheValidatorWouldStillAcceptTheToken() {
        revocations.denyToken(token("logged-out-token", "u1", 0, clock.instant().plusSeconds(60)));
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
    void loggingOutEverywhereDeniesTheUsersTokensOfThatSecondAndBeforeOnTheIdpsClock() {
        long now = clock.instant().getEpochSecond();
        revocations.signedIn("s1", "token-1", inAnHour(), now); // the IdP's clock agrees with ours
        revocations.denyUser("u1", clock.instant());
        assertTrue(revocations.refuses(token("a-mobile-apps-token", "u1", now - 600)));
        assertTrue(revocations.refuses(token("same-second", "u1", now)));
        assertTrue(revocations.refuses(token("the-next-second", "u1", now + 1)), "iat's whole seconds: a second's margin");
        assertFalse(revocations.refuses(token("signed-in-after", "u1", now + 2)));
        assertFalse(revocations.refuses(token("someone-else", "u2", now - 600)));
    }

    /** An IdP whose clock runs ahead issued, just before the revocation, tokens that say a later iat: refused too. */
    @Test
    void anIdpClockAheadIsAllowedForWithinTheSkew() {
        long now = clock.instant().getEpochSecond();
        revocations.signedIn("s1", "token-1", inAnHour(), now + 20);
        revocations.denyUser("u1", clock.instant());
        assertTrue(revocations.refuses(token("issued-just-before", "u1", now + 20)));
        assertFalse(revocations.refuses(token("issued-after", "u1", now + 22)));
    }

    /** Before this server saw the IdP's clock, the whole skew counts as before the revocation. */
    @Test
    void withTheIdpsClockUnseenTheSkewCountsAsBefore() {
        long now = clock.instant().getEpochSecond();
        revocations.denyUser("u1", clock.instant());
        assertTrue(revocations.refuses(token("within-the-skew", "u1", now + SKEW.toSeconds())));
        assertFalse(revocations.refuses(token("past-the-skew", "u1", now + SKEW.toSeconds() + 1)));
    }

    /** A "log out everywhere" lasts as long as the longest access token validated here, not a fixed day. */
    @Test
    void aUsersDenialLastsAsLongAsTheLongestTokenSeen() {
        long now = clock.instant().getEpochSecond();
        ValidatedToken dayLong = token("a-day-long-token", "u1", now, clock.instant().plus(Duration.ofHours(24)));
        revocations.seen(dayLong);
        revocations.denyUser("u1", clock.instant());
        clock.advance(Duration.ofHours(23));
        assertTrue(revocations.refuses(dayLong), "its access token is still valid at the IdP");

        MutableClock otherClock = new MutableClock(clock.instant());
        InMemoryStore otherStore = new InMemoryStore(otherClock, 1_000);
        Revocations hourly = new Revocations(otherStore, otherClock, SKEW);
        hourly.denyUser("u1", otherClock.instant());
        otherClock.advance(Duration.ofHours(1).plus(SKEW).plus(SKEW));
        assertTrue(otherStore.isEmpty(SessionStore.Region.DENIALS)
                || otherStore.get(SessionStore.Region.DENIALS, TokenKeys.userKey("u1")).isEmpty(),
                "with one-hour tokens, gone after an hour and the skew");
    }

    /**
     * A spent refresh token presented after the grace: its spent mark names its chain, and denying
     * the chain refuses the successor's access token and refresh token (the thief's, or the owner's).
     */
    @Test
    void aReusedSpentTokensChainTakesItsSuccessorAlong() {
        long now = clock.instant().getEpochSecond();
        revocations.signedIn("s1", "token-1", inAnHour(), 0);
        refresh(revocations, "s1", "s2", "token-2");
        refresh(revocations, "s2", "s3", "token-3");

        Revocations.SpentMark mark = otherServer.spent("s1").orElseThrow();
        assertEquals(Revocations.Spent.ROTATED, mark.how());
        otherServer.denyChain(mark.chain());

        assertTrue(revocations.refuses(token("token-3", "u1", now)), "the successor's access token");
        assertTrue(revocations.deniesSession("s3"), "the successor's refresh token");
    }

    /** A token spent before a call whose answer was lost is marked so: no theft when it comes back. */
    @Test
    void aTokenSpentBeforeAnUnansweredCallIsPending() {
        revocations.signedIn("s1", "token-1", inAnHour(), 0);
        revocations.spending("s1", inAWeek());
        assertEquals(Revocations.Spent.PENDING, revocations.spent("s1").orElseThrow().how());
        revocations.unspent("s1");
        assertTrue(revocations.spent("s1").isEmpty());
    }

    /** A busy server forgets nothing: a denial and a chain stay after 250,000 unrelated sign-ins and refreshes. */
    @Test
    void aSessionsDenialAndChainOutlive250000UnrelatedWrites() {
        InMemoryStore big = new InMemoryStore(clock, InMemoryStore.DEFAULT_MAX_ENTRIES);
        Revocations server = new Revocations(big, clock, SKEW);
        long now = clock.instant().getEpochSecond();
        server.signedIn("laptop-1", "laptop-token-1", inAnHour(), 0);
        refresh(server, "laptop-1", "laptop-2", "laptop-token-2");
        server.signedIn("phone-1", "phone-token-1", inAnHour(), 0);
        server.denySession("phone-1");

        for (int i = 0; i < 125_000; i++) {
            server.signedIn("busy-" + i, "busy-token-" + i, inAnHour(), 0);
            refresh(server, "busy-" + i, "busy-next-" + i, "busy-next-token-" + i);
        }

        assertTrue(server.refuses(token("phone-token-1", "u1", now)), "the revoked device stays refused");
        assertTrue(server.deniesSession("phone-1"));
        server.denySession("laptop-2");
        assertTrue(server.refuses(token("laptop-token-1", "u1", now)), "the chain was remembered: its first token goes");
        assertTrue(server.spent("laptop-1").isPresent(), "the spent mark was remembered");
    }

    @Test
    void aDeniedTokenIsRefusedUntilItWouldHaveExpired() {
        revocations.denyToken(token("logged-out-token", "u1", 0, clock.instant().plusSeconds(60)));
        assertTrue(revocations.refuses(token("logged-out-token", "u1", 0)));
        clock.advance(Duration.ofSeconds(60).plus(SKEW));
        assertFalse(revocations.refuses(token("logged-out-token", "u1", 0)));
    }
}
