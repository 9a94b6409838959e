package com.authvital.jakarta.internal.http;

import com.authvital.jakarta.internal.message.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/**
 * The one writer of the {@code access_token} and {@code refresh_token} cookies: every
 * {@code Set-Cookie} for them, from a sign-in, a refresh, a logout or application code through
 * {@code AuthVitalCookies}, carries the attributes of {@code authvital.cookie.*}, so that the
 * clearing one names the same path and domain as the one it clears (RFC 6265 §5.3 step 11).
 */
public final class CookieWriter {

    private static final String EPOCH = "Thu, 01 Jan 1970 00:00:00 GMT";

    private final CookieSettings settings;

    public CookieWriter(CookieSettings settings) {
        this.settings = settings;
    }

    /** The cookies' names and attributes. */
    public CookieSettings settings() {
        return settings;
    }

    /**
     * Sets both token cookies, each living as long as its token, with {@code Cache-Control:
     * no-store} and {@code Vary: Cookie}: no shared cache may store the answer.
     *
     * @throws IllegalArgumentException when a value is not a cookie value (RFC 6265 §4.1.1)
     */
    public void setTokens(HttpServletResponse response, String accessToken, Duration accessTokenLifetime,
                          String refreshToken, Duration refreshTokenLifetime) {
        // Both built before either is added: a bad value must not leave one cookie set.
        String access = header(settings.accessTokenName(), accessToken, "Max-Age=" + accessTokenLifetime.toSeconds());
        String refresh = header(settings.refreshTokenName(), refreshToken, "Max-Age=" + refreshTokenLifetime.toSeconds());
        NoStoreResponse.applyTo(response);
        response.addHeader("Set-Cookie", access);
        response.addHeader("Set-Cookie", refresh);
    }

    /**
     * Clears both token cookies: {@code Max-Age=0} and an expiry in the past (for browsers that
     * know only {@code Expires}), with the attributes they were written with.
     */
    public void clear(HttpServletResponse response) {
        NoStoreResponse.applyTo(response);
        response.addHeader("Set-Cookie", header(settings.accessTokenName(), "", "Max-Age=0; Expires=" + EPOCH));
        response.addHeader("Set-Cookie", header(settings.refreshTokenName(), "", "Max-Age=0; Expires=" + EPOCH));
    }

    private String header(String name, String value, String lifetime) {
        if (value.chars().anyMatch(c -> c <= 0x20 || c == '"' || c == ',' || c == ';' || c == '\\' || c >= 0x7f)) {
            // RFC 6265 §4.1.1 cookie-octets; JWTs always fit, anything else is a caller's bug.
            throw new IllegalArgumentException(Messages.badCookieValue());
        }
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; ").append(lifetime).append("; Path=").append(settings.path());
        settings.domain().ifPresent(domain -> cookie.append("; Domain=").append(domain));
        if (settings.secure()) {
            cookie.append("; Secure");
        }
        return cookie.append("; HttpOnly; SameSite=").append(settings.sameSite()).toString();
    }

    @Override
    public String toString() {
        return "CookieWriter[" + settings + "]";
    }
}
