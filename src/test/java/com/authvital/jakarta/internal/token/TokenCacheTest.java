package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.AuthVitalPrincipal;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCacheTest {

    private static ValidatedToken token(String value, long expiresAt) {
        return new ValidatedToken(value, new AuthVitalPrincipal(Map.of("sub", "u-" + value)), expiresAt, "kid-1");
    }

    @Test
    void givesBackAKnownTokenUntilItExpires() {
        TokenCache cache = new TokenCache(10);
        ValidatedToken t = token("a.b.c", 1_000);
        cache.put(t, 0);

        assertSame(t, cache.get("a.b.c", 999));
        assertNull(cache.get("a.b.c", 1_000));
        assertEquals(0, cache.size(), "an expired entry is dropped");
    }

    @Test
    void keysByTheWholeTokenNotAPrefix() {
        TokenCache cache = new TokenCache(10);
        cache.put(token("header.payload.signature", 1_000), 0);

        assertNull(cache.get("header.payload.signaturX", 0));
        assertNull(cache.get("header.payload", 0));
    }

    @Test
    void tellsApartTokensThatEndAlike() {
        TokenCache cache = new TokenCache(10);
        String end = ".same-signature-of-at-least-thirty-two-characters";
        ValidatedToken first = token("header.payloadA" + end, 1_000);
        cache.put(first, 0);

        assertNull(cache.get("header.payloadB" + end, 0));
        assertSame(first, cache.get("header.payloadA" + end, 0));
    }

    @Test
    void staysWithinItsBound() {
        TokenCache cache = new TokenCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put(token("t" + i, 10_000), 0);
        }
        assertTrue(cache.size() <= 100, "size " + cache.size());
    }

    @Test
    void keepsTheTokensThatComeBackWhenOneOffTokensPassThrough() {
        TokenCache cache = new TokenCache(100);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 50; i++) {
                if (cache.get("regular" + i, 0) == null) {
                    cache.put(token("regular" + i, 10_000), 0);
                }
            }
        }
        for (int i = 0; i < 2_000; i++) {
            cache.put(token("once" + i, 10_000), 0);
        }

        long kept = IntStream.range(0, 50).filter(i -> cache.get("regular" + i, 0) != null).count();
        // Caffeine admits a newcomer over a busier entry now and then, on purpose (hash flooding).
        assertTrue(kept >= 45, "tokens in use survive a scan of tokens seen once; kept " + kept + " of 50");
    }

    @Test
    void aZeroSizeCachesNothing() {
        TokenCache cache = new TokenCache(0);
        cache.put(token("a", 1_000), 0);
        assertNull(cache.get("a", 0));
    }
}
