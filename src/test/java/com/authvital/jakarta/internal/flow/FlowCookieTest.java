package com.authvital.jakarta.internal.flow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlowCookieTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final FlowCookie.Flow FLOW = new FlowCookie.Flow("state-1", "nonce-1", "verifier-1",
            "https://app.example.com/callback", "/devices?tab=2", NOW.plus(FlowCookie.LIFETIME));

    private static FlowCookie withKey(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new FlowCookie(new SecretKeySpec(key, "AES"));
    }

    @Test
    void theServerThatSealedItReadsItBack() {
        FlowCookie cookie = withKey(1);
        assertEquals(Optional.of(FLOW), cookie.open(cookie.seal(FLOW)));
    }

    @Test
    void theBrowserSeesNoneOfTheSecrets() {
        String sealed = withKey(1).seal(FLOW);
        String readable = decodeEach(sealed);
        for (String secret : new String[] {"state-1", "nonce-1", "verifier-1", "/devices"}) {
            assertFalse(sealed.contains(secret) || readable.contains(secret), secret);
        }
    }

    @Test
    void anotherKeyOrATamperedValueOpensNothing() {
        String sealed = withKey(1).seal(FLOW);
        assertEquals(Optional.empty(), withKey(2).open(sealed));
        // The first character of the authentication tag: all six of its bits count (the last one's may not).
        int at = sealed.lastIndexOf('.') + 1;
        String tampered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertEquals(Optional.empty(), withKey(1).open(tampered));
        assertEquals(Optional.empty(), withKey(1).open("not-a-jwe"));
    }

    /** Issue 17: crafted values that nimbus-jose-jwt parses halfway must open nothing, not throw (a 500 at the callback). */
    @Test
    void aCraftedValueOpensNothingAndThrowsNothing() {
        String dirGcm = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"dir\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
        for (String crafted : new String[] {"e30....", "e30.e30.e30.e30.e30", "....", "e30", "e30.e30.e30",
                dirGcm + "....", dirGcm + ".e30.e30.e30.e30", dirGcm + "..AAAA..", dirGcm + "..AAAAAAAAAAAAAAAA.AAAA.AAAA",
                dirGcm + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA", "bnVsbA.e30.e30.e30.e30",
                "W10.e30.e30.e30.e30", "\u00e9.e30.e30.e30.e30"}) {
            assertEquals(Optional.empty(), withKey(1).open(crafted), crafted);
        }
    }

    @Test
    void itExpiresByItsOwnTime() {
        assertFalse(FLOW.expired(NOW.plus(FlowCookie.LIFETIME).minusSeconds(1)));
        assertTrue(FLOW.expired(NOW.plus(FlowCookie.LIFETIME)));
    }

    @Test
    void itsTextNamesNoSecret() {
        assertFalse(FLOW.toString().contains("state-1") || FLOW.toString().contains("verifier-1")
                || FLOW.toString().contains("nonce-1"), FLOW.toString());
    }

    private static String decodeEach(String compact) {
        StringBuilder out = new StringBuilder();
        for (String part : compact.split("\\.")) {
            try {
                out.append(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1)).append(' ');
            } catch (IllegalArgumentException e) {
                out.append(part).append(' ');
            }
        }
        return out.toString();
    }
}
