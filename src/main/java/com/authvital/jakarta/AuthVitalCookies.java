package com.authvital.jakarta;

import com.authvital.jakarta.internal.http.CookieSettings;
import com.authvital.jakarta.internal.http.CookieWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * Writes and clears the {@code access_token} and {@code refresh_token} cookies, always with the
 * attributes of {@code authvital.cookie.*} ({@code Path}, {@code Domain}, {@code Secure},
 * {@code HttpOnly}, {@code SameSite}): a browser drops a cookie only when the clearing
 * {@code Set-Cookie} names the same path and domain. Inject it anywhere:
 *
 * <pre>{@code
 * @Inject AuthVitalCookies cookies;
 *
 * cookies.clear(response);   // log out this browser from any servlet, resource or filter
 * }</pre>
 */
@Dependent
public final class AuthVitalCookies {

    private final CookieWriter writer;

    @Inject
    AuthVitalCookies(CookieWriter writer) {
        this.writer = writer;
    }

    AuthVitalCookies(CookieSettings settings) {
        this(new CookieWriter(settings));
    }

    /**
     * Sets both token cookies, each living as long as its token. The answer also says
     * {@code Cache-Control: no-store} and {@code Vary: Cookie}: no shared cache may store it.
     */
    public void setTokens(HttpServletResponse response, String accessToken, Duration accessTokenLifetime,
                          String refreshToken, Duration refreshTokenLifetime) {
        writer.setTokens(response, accessToken, accessTokenLifetime, refreshToken, refreshTokenLifetime);
    }

    /**
     * Clears both token cookies: {@code Max-Age=0} and an expiry in the past (for browsers that
     * know only {@code Expires}), with the attributes they were written with; and, as
     * {@link #setTokens}, {@code Cache-Control: no-store} and {@code Vary: Cookie}.
     */
    public void clear(HttpServletResponse response) {
        writer.clear(response);
    }

    @Override
    public String toString() {
        return "AuthVitalCookies[" + writer.settings() + "]";
    }
}
