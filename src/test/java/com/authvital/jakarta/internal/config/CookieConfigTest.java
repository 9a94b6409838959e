package com.authvital.jakarta.internal.config;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.http.CookieSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CookieConfigTest {

    private static AuthVitalConfig load(String... keysAndValues) {
        Map<String, String> values = new HashMap<>(Map.of("authvital.host", "https://auth.example.com",
                "authvital.client-id", "my-app"));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return AuthVitalConfig.load(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void theDefaultsArePathSlashSecureAndLaxWithoutDomain() {
        assertEquals(new CookieSettings("access_token", "refresh_token", "/", Optional.empty(), true, "Lax"),
                load().cookies());
    }

    @Test
    void everyAttributeIsConfigurable() {
        CookieSettings settings = load(
                "authvital.cookie.access-token-name", "av_at",
                "authvital.cookie.refresh-token-name", "av_rt",
                "authvital.cookie.path", "/app",
                "authvital.cookie.domain", "example.test",
                "authvital.cookie.secure", "FALSE",
                "authvital.cookie.same-site", "strict").cookies();

        assertEquals(new CookieSettings("av_at", "av_rt", "/app", Optional.of("example.test"), false, "Strict"), settings);
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefusedAtLoadNamingBothKeys() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> load("authvital.cookie.same-site", "None", "authvital.cookie.secure", "false"));

        assertEquals(1, e.getProblems().size(), e.getMessage());
        assertTrue(e.getProblems().get(0).contains("'authvital.cookie.same-site'"), e.getMessage());
        assertTrue(e.getProblems().get(0).contains("'authvital.cookie.secure"), e.getMessage());
    }

    @Test
    void sameSiteNoneIsAcceptedWithSecure() {
        assertEquals("None", load("authvital.cookie.same-site", "none").cookies().sameSite());
    }

    @Test
    void badValuesAreReportedTogetherByKeyWithoutRepeatingThem() {
        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class, () -> load(
                "authvital.cookie.path", "/app;secret-path",
                "authvital.cookie.domain", "example.test;secret-domain",
                "authvital.cookie.secure", "sometimes",
                "authvital.cookie.same-site", "Loose"));

        assertEquals(4, e.getProblems().size(), e.getMessage());
        for (String key : new String[] {"path", "domain", "secure", "same-site"}) {
            assertTrue(e.getMessage().contains("'authvital.cookie." + key + "'"), e.getMessage());
        }
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
