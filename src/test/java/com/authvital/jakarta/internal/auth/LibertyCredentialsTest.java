package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** What the mechanism hands Open Liberty for a caller: its cache key, and no LTPA token. */
class LibertyCredentialsTest {

    private static final String SIGNATURE = "c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9." + SIGNATURE;

    private static ValidatedToken validated(String token) {
        return new ValidatedToken(token, new AuthVitalPrincipal(Map.of("sub", "u1")), 0, "kid-1");
    }

    @Test
    void theCacheKeyIsTheApplicationAndTheTokensFingerprintNeverThePartsOfTheToken() {
        ValidatedToken user = validated(TOKEN);

        String key = (String) new LibertyCredentials("app-1").of(user).get(LibertyCredentials.CACHE_KEY);

        assertEquals("authvital:app-1:" + user.fingerprint(), key);
        assertFalse(key.contains(SIGNATURE));
        assertFalse(key.contains("eyJ"));
    }

    @Test
    void theCallerGetsNoLtpaCookieAndNoCacheEntryKeyedByOne() {
        Hashtable<String, Object> table = new LibertyCredentials("app-1").of(validated(TOKEN));

        assertEquals(Boolean.TRUE, table.get(LibertyCredentials.NO_LTPA_COOKIE));
        assertEquals(Boolean.TRUE, table.get(LibertyCredentials.NO_LTPA_CACHE));
        assertEquals(3, table.size());
    }

    @Test
    void twoApplicationsNameOneTokenApartAndOneApplicationTwoTokensApart() {
        LibertyCredentials one = LibertyCredentials.forOneApplication();
        LibertyCredentials other = LibertyCredentials.forOneApplication();

        assertEquals(one.of(validated(TOKEN)).get(LibertyCredentials.CACHE_KEY),
                one.of(validated(TOKEN)).get(LibertyCredentials.CACHE_KEY));
        assertNotEquals(one.of(validated(TOKEN)).get(LibertyCredentials.CACHE_KEY),
                other.of(validated(TOKEN)).get(LibertyCredentials.CACHE_KEY));
        assertNotEquals(one.of(validated(TOKEN)).get(LibertyCredentials.CACHE_KEY),
                one.of(validated(TOKEN + "x")).get(LibertyCredentials.CACHE_KEY));
    }
}
