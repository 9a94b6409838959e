package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.testing.ServletFakes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenExtractorTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln";

    @Test
    void takesTheBearerHeader() {
        assertEquals(Optional.of(TOKEN), TokenExtractor.find(List.of("Bearer " + TOKEN), List.of()));
    }

    @Test
    void matchesTheSchemeCaseInsensitively() {
        assertEquals(Optional.of(TOKEN), TokenExtractor.find(List.of("bEaReR " + TOKEN), List.of()));
    }

    @Test
    void fallsBackToTheCookie() {
        assertEquals(Optional.of(TOKEN), TokenExtractor.find(List.of(), List.of(TOKEN)));
    }

    @Test
    void saysWhetherOnlyTheCookieCarriedTheToken() {
        assertEquals(Optional.of(new TokenExtractor.AccessToken(TOKEN, false)),
                TokenExtractor.locate(List.of("Bearer " + TOKEN), List.of()));
        assertEquals(Optional.of(new TokenExtractor.AccessToken(TOKEN, true)),
                TokenExtractor.locate(List.of(), List.of(TOKEN)));
        assertEquals(Optional.of(new TokenExtractor.AccessToken(TOKEN, true)),
                TokenExtractor.locate(List.of("Basic dXNlcjpwYXNz"), List.of(TOKEN)));
        // A script that sends the header knows the token, which another site cannot.
        assertEquals(Optional.of(new TokenExtractor.AccessToken(TOKEN, false)),
                TokenExtractor.locate(List.of("Bearer " + TOKEN), List.of(TOKEN)));
    }

    @Test
    void aFoundTokenNeverShowsItself() {
        assertFalse(new TokenExtractor.AccessToken(TOKEN, true).toString().contains(TOKEN));
    }

    @Test
    void findsNothingWithoutHeaderOrCookie() {
        assertEquals(Optional.empty(), TokenExtractor.find(List.of(), List.of()));
        assertEquals(Optional.empty(), TokenExtractor.find(List.of(), List.of("")));
    }

    @Test
    void ignoresAnotherSchemeAndUsesTheCookie() {
        assertEquals(Optional.of(TOKEN), TokenExtractor.find(List.of("Basic dXNlcjpwYXNz"), List.of(TOKEN)));
    }

    @Test
    void acceptsTheSameTokenInHeaderAndCookie() {
        assertEquals(Optional.of(TOKEN), TokenExtractor.find(List.of("Bearer " + TOKEN), List.of(TOKEN)));
    }

    @Test
    void refusesDifferentTokensWithoutNamingThem() {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> TokenExtractor.find(List.of("Bearer " + TOKEN), List.of("other.token.value")));
        assertEquals(401, e.getStatus());
        assertTrue(e.getMessage().contains("different access tokens"));
        assertFalse(e.getMessage().contains(TOKEN));
        assertFalse(e.getMessage().contains("other.token.value"));
    }

    @Test
    void refusesABearerHeaderWithoutAToken() {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> TokenExtractor.find(List.of("Bearer "), List.of()));
        assertTrue(e.getMessage().contains("not a valid Bearer token"));
    }

    @Test
    void refusesABearerHeaderWithTwoTokensWithoutEchoingIt() {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> TokenExtractor.find(List.of("Bearer " + TOKEN + " secret-part"), List.of()));
        assertFalse(e.getMessage().contains("secret-part"));
    }

    @Test
    void acceptsExactlyRfc6750B64Tokens() {
        assertTrue(TokenExtractor.isB64Token("abc-._~+/XYZ09"));
        assertTrue(TokenExtractor.isB64Token("abc=="));
        assertFalse(TokenExtractor.isB64Token(""));
        assertFalse(TokenExtractor.isB64Token("=="));
        assertFalse(TokenExtractor.isB64Token("ab=c"));
        assertFalse(TokenExtractor.isB64Token("a b"));
        assertFalse(TokenExtractor.isB64Token("a!b"));
        assertFalse(TokenExtractor.isB64Token("caf\u00e9"));
    }

    /** Two different refresh tokens: one may be tossed in by a sibling sub-domain, and which is the browser's own cannot be told. */
    @Test
    void twoDifferentRefreshTokenCookiesAreRefusedAndOneSentTwiceIsOne() {
        TokenExtractor tokens = new TokenExtractor("access_token", "refresh_token");
        Cookie mine = new Cookie("refresh_token", "aaa.bbb.ccc");

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, () -> tokens.refreshTokenCookie(
                ServletFakes.request(Map.of(), List.of(mine, new Cookie("refresh_token", "ddd.eee.fff")))));

        assertTrue(e.getMessage().startsWith("AV1020E: "), e.getMessage());
        assertFalse(e.getMessage().contains("aaa") || e.getMessage().contains("ddd"), e.getMessage());
        assertEquals(Optional.of("aaa.bbb.ccc"), tokens.refreshTokenCookie(ServletFakes.request(Map.of(),
                List.of(mine, new Cookie("refresh_token", "aaa.bbb.ccc"), new Cookie("refresh_token", "")))));
    }

    /**
     * Undertow (WildFly) keeps one cookie of a name in {@code getCookies()}; the browser's
     * {@code Cookie} header still holds both refresh tokens, and both are seen.
     */
    @Test
    void twoRefreshTokenCookiesAreSeenInTheHeaderWhereTheContainerShowsOne() {
        TokenExtractor tokens = new TokenExtractor("access_token", "refresh_token");
        HttpServletRequest undertowLike = ServletFakes.request(Map.of(), List.of(new Cookie("refresh_token", "aaa.bbb.ccc")),
                "Cookie", "refresh_token=aaa.bbb.ccc; refresh_token=ddd.eee.fff");

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> tokens.refreshTokenCookie(undertowLike));

        assertTrue(e.getMessage().startsWith("AV1020E: "), e.getMessage());
        assertEquals(List.of("aaa.bbb.ccc", "ddd.eee.fff"), tokens.refreshTokenCookies(undertowLike));
    }

    /** Likewise two different access token cookies: refused, not the container's pick. */
    @Test
    void twoAccessTokenCookiesAreSeenInTheHeaderWhereTheContainerShowsOne() {
        TokenExtractor tokens = new TokenExtractor("access_token", "refresh_token");
        HttpServletRequest undertowLike = ServletFakes.request(Map.of(), List.of(new Cookie("access_token", "aaa.bbb.ccc")),
                "Cookie", "access_token=aaa.bbb.ccc; access_token=ddd.eee.fff");

        assertThrows(NotAuthenticatedException.class, () -> tokens.locate(undertowLike));
    }

    /** A request wrapper that gives its cookies through {@code getCookies()} alone is still read. */
    @Test
    void cookiesGivenOnlyThroughGetCookiesAreRead() {
        TokenExtractor tokens = new TokenExtractor("access_token", "refresh_token");
        HttpServletRequest wrapped = ServletFakes.request(Map.of(), List.of(new Cookie("refresh_token", "aaa.bbb.ccc")),
                "Cookie", "");

        assertEquals(Optional.of("aaa.bbb.ccc"), tokens.refreshTokenCookie(wrapped));
    }
}
