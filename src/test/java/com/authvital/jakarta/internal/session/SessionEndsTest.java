package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.LogRecords;
import com.authvital.testing.StandInClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a logout writes: denials for the tokens that validate, and nothing at all for what an
 * anonymous caller makes up (a made-up token costs the check and nothing else).
 */
class SessionEndsTest {

    private static final String CLIENT_ID = "logged-out-test-app";

    private static StandInIdp idp;
    private static StandInClient dev;

    private final InMemoryStore store = new InMemoryStore();
    private final AuthVitalConfig config = AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
            ConfigKeys.HOST, idp.baseUrl(), ConfigKeys.CLIENT_ID, CLIENT_ID).get(key)));
    private final Revocations revocations = new Revocations(store, Clock.systemUTC(), Duration.ofSeconds(30));
    private final TokenValidator validator = new TokenValidator(config, Clock.systemUTC(), revocations);
    private final SessionEnds ends = new SessionEnds(validator, revocations, List.of(CLIENT_ID), Clock.systemUTC());

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, CLIENT_ID);
        dev = StandInClient.at(idp.baseUrl());
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @AfterEach
    void close() {
        validator.close();
    }

    private void assertEveryRegionEmpty() {
        for (SessionStore.Region region : SessionStore.Region.values()) {
            assertEquals(0, store.size(region), region.id);
        }
    }

    @Test
    void anonymousLogoutsWithMadeUpTokensLeaveEveryRegionEmpty() {
        String real = dev.newUser().accessToken();
        String[] parts = real.split("\\.");
        String forgedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (int i = 0; i < 10_000; i++) {
            ends.loggedOut(List.of("junk-refresh-" + i), Optional.of("junk.access." + i));
        }
        ends.loggedOut(List.of(forgedSignature), Optional.of(forgedSignature));
        assertEveryRegionEmpty();
    }

    @Test
    void aRealLogoutDeniesItsAccessTokenAndItsSession() {
        StandInClient.NewSession user = dev.newUser();
        assertEquals(user.userId(), validator.validate(user.accessToken()).principal().getName());

        assertEquals(SessionEnds.RefreshTokenState.LIVE, ends.refreshTokenState(user.refreshToken()));

        ends.loggedOut(List.of(user.refreshToken()), Optional.of(user.accessToken()));

        assertThrows(NotAuthenticatedException.class, () -> validator.validate(user.accessToken()));
        assertTrue(revocations.deniesSession(user.sessionId()));
        assertEquals(SessionEnds.RefreshTokenState.ENDED, ends.refreshTokenState(user.refreshToken()),
                "a replay of its logout is not sent to the IdP");
    }

    /** A spent refresh token (rotated here) is not worth a logout at the IdP either. */
    @Test
    void aSpentRefreshTokenHasEnded() {
        StandInClient.NewSession user = dev.newUser();
        revocations.spending(user.sessionId(), java.time.Instant.now().plus(Duration.ofDays(7)));
        assertEquals(SessionEnds.RefreshTokenState.ENDED, ends.refreshTokenState(user.refreshToken()));
        assertEquals(SessionEnds.RefreshTokenState.INVALID, ends.refreshTokenState("made-up"));
    }

    /** A store that cannot take the denial (at its bound): the logout goes on, AV1511 says so at ERROR. */
    @Test
    void aDenialTheStoreCannotTakeIsLoggedAndTheLogoutGoesOn() {
        InMemoryStore full = new InMemoryStore(Clock.systemUTC(), 10_000);
        Revocations fullRevocations = new Revocations(full, Clock.systemUTC(), Duration.ofSeconds(30));
        TokenValidator fullValidator = new TokenValidator(config, Clock.systemUTC(), fullRevocations);
        SessionEnds fullEnds = new SessionEnds(fullValidator, fullRevocations, List.of(CLIENT_ID), Clock.systemUTC());
        for (int i = 0; i < 10_000; i++) {
            full.put(SessionStore.Region.DENIALS, "filler-" + i, "1", java.time.Instant.now().plus(Duration.ofHours(1)));
        }
        StandInClient.NewSession user = dev.newUser();
        try (LogRecords log = LogRecords.of(SessionEnds.class)) {
            fullEnds.loggedOut(List.of(user.refreshToken()), Optional.of(user.accessToken()));
            assertTrue(log.has(java.util.logging.Level.SEVERE, "AV1511", "AV1510"), log.toString());
        } finally {
            fullValidator.close();
        }
    }
}
