package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.http.CookieHeader;
import com.authvital.jakarta.internal.message.Messages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the access token of a request: the {@code Authorization: Bearer} header, else the
 * access-token cookie. Never a query parameter (RFC 6750 §2.3 advises against it: URLs are logged).
 * The one place that knows where tokens come from in a request's headers and cookies; a logout's
 * body is {@code LogoutFlow}'s to read.
 */
public final class TokenExtractor {

    private static final String BEARER = "bearer";

    /** The characters of RFC 6750's {@code b64token} but its trailing {@code =}, by code. */
    private static final boolean[] B64_CHARS = new boolean[128];

    static {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
        for (int i = 0; i < chars.length(); i++) {
            B64_CHARS[chars.charAt(i)] = true;
        }
    }

    private final String cookieName;
    private final String refreshCookieName;

    /**
     * @param cookieName        the name of the cookie that holds the access token
     * @param refreshCookieName the name of the cookie that holds the refresh token
     */
    public TokenExtractor(String cookieName, String refreshCookieName) {
        this.cookieName = cookieName;
        this.refreshCookieName = refreshCookieName;
    }

    /**
     * An access token and where it came from.
     *
     * @param value      the raw token
     * @param fromCookie {@code true} when only the cookie carried it: the browser adds a cookie to
     *                   requests that other sites make it send, but never an {@code Authorization}
     *                   header, so only then does it matter where the request came from
     */
    public record AccessToken(String value, boolean fromCookie) {

        /** Never shows the token. */
        @Override
        public String toString() {
            return "AccessToken[fromCookie=" + fromCookie + "]";
        }
    }

    /**
     * The request's access token, or empty when it carries none.
     *
     * @throws NotAuthenticatedException when a Bearer header is malformed, or the request carries
     *                                   different tokens, which is refused rather than guessed at
     */
    public Optional<String> accessToken(HttpServletRequest request) {
        return locate(request).map(AccessToken::value);
    }

    /**
     * The request's access token with where it came from, or empty when it carries none.
     *
     * @throws NotAuthenticatedException as {@link #accessToken}
     */
    public Optional<AccessToken> locate(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Authorization");
        Found found = new Found();
        while (headers != null && headers.hasMoreElements()) {
            found.header(headers.nextElement());
        }
        CookieHeader.forEach(request, cookieName, found::cookie);
        return found.token();
    }

    /**
     * The refresh token cookie's value, or empty.
     *
     * @throws NotAuthenticatedException when the request carries two different ones
     */
    public Optional<String> refreshTokenCookie(HttpServletRequest request) {
        return onlyCookie(request, refreshCookieName, Messages::twoRefreshTokens);
    }

    /**
     * Every distinct non-blank value of the request's refresh token cookie: a logout revokes each
     * that validates, a sibling sub-domain's tossed cookie included, rather than none.
     */
    public List<String> refreshTokenCookies(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        CookieHeader.forEach(request, refreshCookieName, value -> {
            if (!value.isBlank() && !values.contains(value) && values.size() < MAX_REFRESH_COOKIES) {
                values.add(value);
            }
        });
        return values;
    }

    /** How many refresh token cookies a logout looks at: a browser holds one, a tossed one makes two. */
    private static final int MAX_REFRESH_COOKIES = 4;

    /**
     * The non-blank value of the request's cookie {@code name}, one however often it comes, or
     * empty. Two different values are refused rather than guessed at: a sibling sub-domain can
     * set a cookie of the same name for the whole domain (cookie tossing), and the browser sends
     * both without saying which is whose.
     *
     * @throws NotAuthenticatedException with {@code twoValues}' message when two values differ
     */
    public static Optional<String> onlyCookie(HttpServletRequest request, String name, Supplier<String> twoValues) {
        String[] found = new String[1];
        CookieHeader.forEach(request, name, value -> {
            if (value.isBlank()) {
                return;
            }
            if (found[0] == null) {
                found[0] = value;
            } else if (!found[0].equals(value)) {
                throw new NotAuthenticatedException(null, List.of(), twoValues.get());
            }
        });
        return Optional.ofNullable(found[0]);
    }

    /** The same rules as {@link #accessToken}, on the raw header values and cookie values. */
    static Optional<String> find(List<String> authorizationHeaders, List<String> cookies) {
        return locate(authorizationHeaders, cookies).map(AccessToken::value);
    }

    /** The same rules as {@link #locate(HttpServletRequest)}, on the raw header values and cookie values. */
    static Optional<AccessToken> locate(List<String> authorizationHeaders, List<String> cookies) {
        Found found = new Found();
        authorizationHeaders.forEach(found::header);
        cookies.forEach(found::cookie);
        return found.token();
    }

    /**
     * The tokens of one request, headers first: one token however often it comes, and different
     * ones refused rather than guessed at. A loop over what the request has, no lists: it runs on
     * every request.
     */
    private static final class Found {
        private String token;
        private boolean inHeader;

        void header(String header) {
            String bearer = bearerToken(header);
            if (bearer != null) {
                add(bearer);
                inHeader = true; // the same token in a header too: the caller knew it, which no other site can
            }
        }

        void cookie(String value) {
            if (!value.isBlank()) {
                add(value.trim());
            }
        }

        private void add(String value) {
            if (token == null) {
                token = value;
            } else if (!token.equals(value)) {
                throw new NotAuthenticatedException(null, List.of(), Messages.twoAccessTokens());
            }
        }

        Optional<AccessToken> token() {
            return token == null ? Optional.empty() : Optional.of(new AccessToken(token, !inHeader));
        }
    }

    /**
     * The token of a {@code Bearer} header; empty for another scheme, which is not ours to read.
     * RFC 7235 §2.1: the scheme is case-insensitive.
     */
    private static String bearerToken(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        int schemeEnd = space < 0 ? value.length() : space;
        if (schemeEnd != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, schemeEnd)) {
            return null;
        }
        String token = space < 0 ? "" : value.substring(space + 1).strip();
        // RFC 6750 §2.1: b64token, one of them, nothing else.
        if (!isB64Token(token)) {
            throw new NotAuthenticatedException(null, List.of(), Messages.malformedBearer());
        }
        return token;
    }

    /**
     * RFC 6750 §2.1 {@code b64token}: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}.
     * A loop, not a regular expression: this runs on every request, and String.matches compiles
     * its pattern each time.
     */
    static boolean isB64Token(String token) {
        int i = 0;
        int length = token.length();
        while (i < length && token.charAt(i) < B64_CHARS.length && B64_CHARS[token.charAt(i)]) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && token.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }
}
