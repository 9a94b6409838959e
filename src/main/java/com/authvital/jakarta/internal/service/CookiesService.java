package com.authvital.jakarta.internal.service;

import com.authvital.jakarta.AuthVitalCookies;
import com.authvital.jakarta.internal.http.CookieWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * {@link AuthVitalCookies} for application code: the module's one cookie writer, so that what the
 * application writes and clears carries the attributes the module's own sign-in and logout use.
 */
public final class CookiesService implements AuthVitalCookies {

    private final CookieWriter writer;

    /** Over the module's one cookie writer, the one its sign-in, refresh and logout use. */
    public CookiesService(CookieWriter writer) {
        this.writer = writer;
    }

    @Override
    public void setTokens(HttpServletResponse response, String accessToken, Duration accessTokenLifetime,
                          String refreshToken, Duration refreshTokenLifetime) {
        writer.setTokens(response, accessToken, accessTokenLifetime, refreshToken, refreshTokenLifetime);
    }

    @Override
    public void clear(HttpServletResponse response) {
        writer.clear(response);
    }

    @Override
    public String toString() {
        return "AuthVitalCookies[" + writer.settings() + "]";
    }
}
