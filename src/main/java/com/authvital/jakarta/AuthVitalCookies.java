package com.authvital.jakarta;

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
 *
 * <p>The module's implementation is the one its own sign-in, refresh and logout write with. A
 * unit test hands its code a fake: {@code List<HttpServletResponse> cleared = new ArrayList<>();}
 * then a class implementing both methods, {@code clear} adding its response to {@code cleared}.
 */
public interface AuthVitalCookies {

    /**
     * Sets both token cookies, each living as long as its token. The answer also says
     * {@code Cache-Control: no-store} and {@code Vary: Cookie}: no shared cache may store it.
     *
     * @throws IllegalArgumentException when a value is not a cookie value (RFC 6265 §4.1.1); the
     *                                  message does not repeat it
     */
    void setTokens(HttpServletResponse response, String accessToken, Duration accessTokenLifetime,
                   String refreshToken, Duration refreshTokenLifetime);

    /**
     * Clears both token cookies: {@code Max-Age=0} and an expiry in the past (for browsers that
     * know only {@code Expires}), with the attributes they were written with; and, as
     * {@link #setTokens}, {@code Cache-Control: no-store} and {@code Vary: Cookie}.
     */
    void clear(HttpServletResponse response);
}
