package com.authvital.jakarta.internal.http;

import com.authvital.testing.ServletFakes;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The filter's response: no later header makes an answer with token cookies storable. */
class NoStoreResponseTest {

    private static final CookieSettings COOKIES =
            new CookieSettings("access_token", "refresh_token", "/", Optional.empty(), true, "Lax");

    private final ServletFakes.Recorded recorded = new ServletFakes.Recorded();
    private final HttpServletResponse response = new NoStoreResponse(ServletFakes.response(recorded), COOKIES.accessTokenName(),
            COOKIES.refreshTokenName(), false);

    @Test
    void afterATokenCookieTheApplicationsCachingHeadersAreIgnoredAndVaryKeepsCookie() {
        response.setHeader("Cache-Control", "public, max-age=600");
        response.addHeader("Set-Cookie", "refresh_token=; Max-Age=0; Path=/");

        response.setHeader("Cache-Control", "public, max-age=600");
        response.addHeader("Cache-Control", "s-maxage=600");
        response.setHeader("CDN-Cache-Control", "max-age=600");
        response.setHeader("surrogate-control", "max-age=600");
        response.setHeader("Vary", "Accept-Encoding");

        assertEquals(List.of("no-store"), recorded.headers("Cache-Control"));
        assertEquals(List.of(), recorded.headers("CDN-Cache-Control"));
        assertEquals(List.of(), recorded.headers("Surrogate-Control"));
        assertEquals(List.of("Accept-Encoding, Cookie"), recorded.headers("Vary"));
    }

    @Test
    void aTokenCookieAddedAsACookieLocksItToo() {
        response.addCookie(new Cookie("access_token", "aaa.bbb.ccc"));
        response.setHeader("Cache-Control", "public");

        assertEquals(List.of("no-store"), recorded.headers("Cache-Control"));
        assertEquals(List.of("Cookie"), recorded.headers("Vary"));
    }

    @Test
    void withoutTokenCookiesTheApplicationsHeadersPass() {
        response.addHeader("Set-Cookie", "theme=dark; Path=/");
        response.setHeader("Cache-Control", "public, max-age=600");
        response.setHeader("Vary", "Accept-Encoding");

        assertEquals(List.of("public, max-age=600"), recorded.headers("Cache-Control"));
        assertEquals(List.of("Accept-Encoding"), recorded.headers("Vary"));
    }

    @Test
    void aResponseWhoseTokenCookiesWereWrittenBeforeTheFilterIsLockedFromTheStart() {
        ServletFakes.Recorded earlier = new ServletFakes.Recorded();
        HttpServletResponse container = ServletFakes.response(earlier);
        container.addHeader("Set-Cookie", "access_token=aaa.bbb.ccc; Path=/");

        new NoStoreResponse(container, COOKIES.accessTokenName(), COOKIES.refreshTokenName(), true).setHeader("Cache-Control", "public");

        assertEquals(List.of("no-store"), earlier.headers("Cache-Control"));
    }
}
