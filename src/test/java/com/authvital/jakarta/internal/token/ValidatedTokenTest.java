package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.AuthVitalPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The names a validated token carries: its revocation hash as before, and its fingerprint, the whole digest. */
class ValidatedTokenTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";

    private static ValidatedToken validated(String token) {
        return new ValidatedToken(token, new AuthVitalPrincipal(Map.of("sub", "u1")), 0, "kid-1");
    }

    @Test
    void theFingerprintIsTheWholeSha256OfTheTokenAndTheHashItsFirst96Bits() throws Exception {
        ValidatedToken token = validated(TOKEN);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(("t:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), token.fingerprint());
        assertEquals(43, token.fingerprint().length());
        assertEquals(TokenKeys.hash(TOKEN), token.hash(), "revocations name the token as before");
        assertEquals(token.hash(), token.fingerprint().substring(0, 16));
    }

    @Test
    void theFingerprintShowsNoPartOfTheToken() {
        ValidatedToken token = validated(TOKEN);

        for (String part : TOKEN.split("\\.")) {
            assertFalse(token.fingerprint().contains(part.substring(0, 8)), part);
        }
    }

    @Test
    void twoTokensOfOneUserHaveTwoFingerprints() {
        assertNotEquals(validated(TOKEN).fingerprint(), validated(TOKEN + "x").fingerprint());
    }
}
