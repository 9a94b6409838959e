package com.authvital.testing;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Requests as a user's browser or API client would send them, built on the real request an
 * in-container test runs in: only the {@code Authorization} header and the cookies differ.
 */
public final class Requests {

    private Requests() {
    }

    /** The request with {@code Authorization: Bearer <token>} and no cookie. */
    public static HttpServletRequest bearer(HttpServletRequest base, String token) {
        return with(base, "Bearer " + token, null);
    }

    /** The request with no {@code Authorization} header and one cookie. */
    public static HttpServletRequest cookie(HttpServletRequest base, String name, String value) {
        return with(base, null, new Cookie[] {new Cookie(name, value)});
    }

    /**
     * The request with {@code Authorization: Bearer <token>} and one cookie: a browser that holds
     * an access-token cookie while a script sends a header too.
     */
    public static HttpServletRequest bearerAndCookie(HttpServletRequest base, String token,
                                                     String cookieName, String cookieValue) {
        return with(base, "Bearer " + token, new Cookie[] {new Cookie(cookieName, cookieValue)});
    }

    /** The request with neither header nor cookie. */
    public static HttpServletRequest anonymous(HttpServletRequest base) {
        return with(base, null, null);
    }

    private static HttpServletRequest with(HttpServletRequest base, String authorization, Cookie[] cookies) {
        return new HttpServletRequestWrapper(base) {
            @Override
            public String getHeader(String name) {
                return "Authorization".equalsIgnoreCase(name) ? authorization
                        : "Cookie".equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                if ("Authorization".equalsIgnoreCase(name)) {
                    return Collections.enumeration(authorization == null ? List.of() : List.of(authorization));
                }
                return "Cookie".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Cookie[] getCookies() {
                return cookies == null ? null : cookies.clone();
            }
        };
    }
}
