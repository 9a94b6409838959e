package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.StandInClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a logout writes: denials for the tokens that validate, and nothing at all for what an
 * anonymous caller makes up (a made-up token costs the check and nothing else).
 */
class LoggedOutTest {

    private static final String CLIENT_ID = "logged-out-test-app";

    private static StandInIdp idp;
    private static StandInClient dev;

    private final InMemoryStore store = new InMemoryStore();
    private final AuthVitalConfig config = AuthVitalConfig.load(key -> Optional.ofNullable(Map.of(
            AuthVitalConfig.HOST, idp.baseUrl(), AuthVitalConfig.CLIENT_ID, CLIENT_ID).get(key)));
    private final TokenValidator validator = new TokenValidator(config, Clock.systemUTC(),
            new Revocations(store, Clock.systemUTC(), Duration.ofSeconds(30)));
    private final Authenticator authenticator = new Authenticator(config, new TokenExtractor("access_token",
            "refresh_token"), validator, null, null, store, Clock.systemUTC());

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
            authenticator.loggedOut(Optional.of("junk-refresh-" + i), Optional.of("junk.access." + i));
        }
        authenticator.loggedOut(Optional.of(forgedSignature), Optional.of(forgedSignature));
        assertEveryRegionEmpty();
    }

    @Test
    void aRealLogoutDeniesItsAccessTokenAndItsSession() {
        StandInClient.NewSession user = dev.newUser();
        assertEquals(user.userId(), validator.validate(user.accessToken()).principal().getName());

        authenticator.loggedOut(Optional.of(user.refreshToken()), Optional.of(user.accessToken()));

        assertThrows(NotAuthenticatedException.class, () -> validator.validate(user.accessToken()));
        assertTrue(validator.revocations().deniesSession(user.sessionId()));
    }
}
