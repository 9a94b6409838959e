package com.authvital.jakarta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthVitalConfigTest {

    private static AuthVitalConfig load(Map<String, String> values) {
        return AuthVitalConfig.load(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void onlyTheHostIsRequiredAndEverythingElseHasADefault() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com/"));

        assertEquals(URI.create("https://auth.example.com"), config.host());
        assertEquals(config.host(), config.restUrl());
        assertEquals(Optional.empty(), config.clientId());
        assertEquals(Duration.ofSeconds(2), config.connectTimeout());
        assertEquals(Duration.ofSeconds(5), config.readTimeout());
        assertEquals("access_token", config.accessTokenCookie());
        assertEquals("refresh_token", config.refreshTokenCookie());
    }

    @Test
    void aMissingHostNamesTheKeyAndTheEnvironmentVariable() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> load(Map.of()));

        assertEquals(1, e.getProblems().size());
        assertTrue(e.getMessage().contains("'authvital.host' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("AUTHVITAL_HOST"), e.getMessage());
    }

    @Test
    void aHostThatIsNotAnHttpBaseUrlIsRefused() {
        for (String bad : new String[] {"auth.example.com", "ftp://auth.example.com", "https://",
                "https://user:secret@auth.example.com", "https://auth.example.com/?x=1", "http://exa mple.com"}) {
            AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                    () -> load(Map.of("authvital.host", bad)), bad);
            assertTrue(e.getMessage().contains("'authvital.host' is not an http(s) base URL"), e.getMessage());
            assertTrue(!e.getMessage().contains("secret"), "the message must not repeat credentials");
        }
    }

    @Test
    void everyProblemIsReportedTogether() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> load(Map.of(
                "authvital.read-timeout", "soon",
                "authvital.connect-timeout", "0s",
                "authvital.cookie.access-token-name", "access token")));

        assertEquals(4, e.getProblems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'authvital.host'"));
        assertTrue(e.getMessage().contains("'authvital.read-timeout'"));
        assertTrue(e.getMessage().contains("'authvital.connect-timeout'"));
        assertTrue(e.getMessage().contains("'authvital.cookie.access-token-name'"));
    }

    @Test
    void timeoutsAcceptMillisecondsSecondsAndIsoDurations() {
        AuthVitalConfig config = load(Map.of("authvital.host", "http://127.0.0.1:9180",
                "authvital.connect-timeout", "750ms", "authvital.read-timeout", "PT3S"));
        assertEquals(Duration.ofMillis(750), config.connectTimeout());
        assertEquals(Duration.ofSeconds(3), config.readTimeout());

        AuthVitalConfig plain = load(Map.of("authvital.host", "http://127.0.0.1:9180",
                "authvital.connect-timeout", "1500", "authvital.read-timeout", "10s"));
        assertEquals(Duration.ofMillis(1500), plain.connectTimeout());
        assertEquals(Duration.ofSeconds(10), plain.readTimeout());
    }

    @Test
    void theRestClientsOwnKeysWin() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital/mp-rest/url", "http://idp.internal:8080",
                "authvital.read-timeout", "5s", "authvital/mp-rest/readTimeout", "1200",
                "authvital/mp-rest/connectTimeout", "300"));

        assertEquals(URI.create("https://auth.example.com"), config.host());
        assertEquals(URI.create("http://idp.internal:8080"), config.restUrl());
        assertEquals(Duration.ofMillis(1200), config.readTimeout());
        assertEquals(Duration.ofMillis(300), config.connectTimeout());
    }

    @Test
    void cookieNamesAreConfigurable() {
        AuthVitalConfig config = load(Map.of("authvital.host", "https://auth.example.com",
                "authvital.cookie.access-token-name", "__Host-at",
                "authvital.cookie.refresh-token-name", "rt"));

        assertEquals("__Host-at", config.accessTokenCookie());
        assertEquals("rt", config.refreshTokenCookie());
    }
}
