package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.idp.TokenAnswer;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refresh results the servers share: sealed, and bound to the session they replace. */
class TokenRefresherTest {

    private static Sealer sealer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Sealer(new SecretKeySpec(key, "AES"));
    }

    private static final TokenAnswer TOKENS = new TokenAnswer("new-access-token", "Bearer", 3600L,
            "new-refresh-token", "openid", null);

    @Test
    void aResultIsOpenedForItsOwnSessionAndHoldsNoTokenInTheClear() {
        Sealer sealer = sealer();
        String sealed = TokenRefresher.seal(sealer, "session-1", TOKENS);
        assertFalse(sealed.contains("new-access-token") || sealed.contains("new-refresh-token"));
        Optional<TokenAnswer> opened = TokenRefresher.open(sealer, "session-1", sealed);
        assertEquals(Optional.of("new-access-token"), opened.map(TokenAnswer::accessToken));
        assertEquals(Optional.of("new-refresh-token"), opened.map(TokenAnswer::refreshToken));
        assertEquals(Optional.of(3600L), opened.map(TokenAnswer::expiresIn));
    }

    @Test
    void aResultMovedUnderAnotherSessionIsNotHandedOut() {
        // Whoever can write to the cache copies a victim's sealed result under their own old session.
        Sealer sealer = sealer();
        String victims = TokenRefresher.seal(sealer, "victims-session", TOKENS);
        assertTrue(TokenRefresher.open(sealer, "attackers-session", victims).isEmpty());
    }

    @Test
    void aResultSealedWithAnotherKeyIsNotOpened() {
        String sealed = TokenRefresher.seal(sealer(), "session-1", TOKENS);
        assertTrue(TokenRefresher.open(sealer(), "session-1", sealed).isEmpty());
    }
}
