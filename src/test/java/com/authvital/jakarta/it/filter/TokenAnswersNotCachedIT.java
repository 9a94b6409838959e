package com.authvital.jakarta.it.filter;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.SignInBrowser.location;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CacheablePageServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.SignInBrowser;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An answer that sets or clears token cookies is never stored by a shared cache: it says
 * {@code Cache-Control: no-store} and {@code Vary: Cookie}, and the application's own
 * {@code Cache-Control: public} (set behind the filter, after a silent refresh) cannot undo that.
 * An answer without token cookies keeps the application's caching headers.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class TokenAnswersNotCachedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("token-answers-not-cached", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.signin.path", "/login",
                        "authvital.signin.callback-path", "/callback",
                        "authvital.logout.path", "/logout")),
                CacheablePageServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    /** The module's own answers with token cookies, which the application does not touch. */
    private static void assertNoStoreVaryCookie(HttpResponse<String> answer) {
        assertTrue(String.join(",", answer.headers().allValues("Cache-Control")).contains("no-store"),
                "Cache-Control: " + answer.headers().allValues("Cache-Control"));
        assertTrue(answer.headers().allValues("Vary").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("cookie")),
                "Vary: " + answer.headers().allValues("Vary"));
    }

    /** Only the caching headers in messages: the answer's Set-Cookie holds tokens. */
    private static void assertNotStorable(HttpResponse<String> answer) {
        List<String> cacheControl = answer.headers().allValues("Cache-Control");
        String directives = String.join(",", cacheControl).toLowerCase(Locale.ROOT);
        assertTrue(directives.contains("no-store"), "Cache-Control: " + cacheControl);
        for (String storable : List.of("public", "max-age", "s-maxage")) {
            assertFalse(directives.contains(storable), "Cache-Control: " + cacheControl);
        }
        assertEquals(List.of(), answer.headers().allValues("CDN-Cache-Control"));
        List<String> vary = answer.headers().allValues("Vary").stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        assertTrue(vary.contains("cookie"), "Vary: " + vary);
        assertTrue(vary.contains("accept-encoding"), "the application's Vary stays too: " + vary);
    }

    @Test
    void aRefreshedAnswerStaysNoStoreWhateverTheApplicationSetsAfterTheFilter() {
        NewSession user = idp.newUser();

        HttpResponse<String> page = new TestHttp(app).get("api/page", "Cookie",
                cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(200, page.statusCode(), page.body());
        tokenCookies(page);
        assertNotStorable(page);
    }

    @Test
    void cookiesClearedByApplicationCodeBehindTheFilterStayNoStore() {
        NewSession user = idp.newUser();

        // A browser's request: its cookie, no Authorization header (an API client's answer is not wrapped).
        HttpResponse<String> page = new TestHttp(app).get("api/page?clear", "Cookie",
                "access_token=" + user.accessToken());

        assertEquals(200, page.statusCode(), page.body());
        assertNotStorable(page);
    }

    @Test
    void anAnswerWithoutTokenCookiesKeepsTheApplicationsCachingHeaders() {
        NewSession user = idp.newUser();

        HttpResponse<String> page = new TestHttp(app).get("api/page", "Authorization", "Bearer " + user.accessToken());

        assertEquals(200, page.statusCode(), page.body());
        assertEquals(List.of(), page.headers().allValues("Set-Cookie"));
        assertEquals(List.of("public, max-age=600", "s-maxage=600"), page.headers().allValues("Cache-Control"));
        assertEquals(List.of("max-age=600"), page.headers().allValues("CDN-Cache-Control"));
    }

    @Test
    void theSignInCallbackAndTheLogoutSayNoStoreAndVaryCookie() {
        SignInBrowser browser = new SignInBrowser();
        HttpResponse<String> start = browser.get(app + "login");
        HttpResponse<String> back = browser.get(location(browser.decide(location(start), "demo")));
        assertEquals(303, back.statusCode(), back.body());
        assertNoStoreVaryCookie(back);

        HttpResponse<String> out = new TestHttp(app).send("POST", "logout", null, "Accept", "application/json",
                "Cookie", "refresh_token=" + browser.cookie(app.toString(), "refresh_token").orElseThrow());

        assertEquals(200, out.statusCode(), out.body());
        assertNoStoreVaryCookie(out);
    }
}
