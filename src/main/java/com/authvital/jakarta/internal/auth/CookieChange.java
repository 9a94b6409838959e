package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.internal.session.TokenRefresher;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Verdict} asks of the token cookies: leave them, clear them, or write a refresh's
 * new tokens. Written by {@link VerdictEffects} through the one cookie writer.
 */
sealed interface CookieChange {

    /** The cookies stay as the browser has them. */
    CookieChange KEEP = new Keep();
    /** Both cookies go: the refresh token is dead, sending it again would only fail again. */
    CookieChange CLEAR = new Clear();

    /** Leave the cookies alone. */
    record Keep() implements CookieChange {
    }

    /** Clear both cookies. */
    record Clear() implements CookieChange {
    }

    /**
     * Set both cookies to a refresh's new tokens, each living as long as its token.
     *
     * @param refresh              what the refresh gave: the tokens, the old and the new session
     * @param accessTokenLifetime  the access token's {@code expires_in}
     * @param refreshTokenLifetime until the new refresh token's {@code exp}
     */
    record Write(TokenRefresher.Refreshed refresh, Duration accessTokenLifetime, Duration refreshTokenLifetime)
            implements CookieChange {

        public Write {
            Objects.requireNonNull(refresh);
            Objects.requireNonNull(accessTokenLifetime);
            Objects.requireNonNull(refreshTokenLifetime);
        }

        String accessToken() {
            return refresh.tokens().accessToken();
        }

        String refreshToken() {
            return refresh.tokens().refreshToken();
        }

        /** Never a token: {@link TokenRefresher.Refreshed} shows the sessions only. */
        @Override
        public String toString() {
            return "Write[" + refresh + ", accessTokenLifetime=" + accessTokenLifetime
                    + ", refreshTokenLifetime=" + refreshTokenLifetime + "]";
        }
    }
}
