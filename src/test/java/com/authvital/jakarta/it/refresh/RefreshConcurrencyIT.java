package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.assertRefreshCounts;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.SetCookies.assertCleared;
import static com.authvital.testing.SetCookies.TOKEN_COOKIES;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The IdP rotates the refresh token on every refresh and signs the user out everywhere when an
 * old one comes back, so the filter refreshes one refresh token once: requests that carry it at
 * the same time, or within {@code authvital.refresh.grace} (2 s here), share that refresh's new
 * tokens; after the grace the old token is refused here and never replayed at the IdP, and taken
 * for a stolen one: its whole chain, the successor included, is signed out.
 */
@ExtendWith({ArquillianExtension.class, RefreshFixtures.NoTokenRateLimit.class})
@RunAsClient
class RefreshConcurrencyIT {

    private static final Duration GRACE = Duration.ofSeconds(5); // the least authvital.refresh.grace allows
    private static final int PARALLEL = 20;
    /** How soon a token with an unknown kid may fetch the keys again. */
    private static final Duration KEY_REFETCH = Duration.ofSeconds(1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-concurrency", RefreshFixtures.filteredApiAnd(Map.of(
                        "authvital.refresh.grace", GRACE.toSeconds() + "s",
                        "authvital.jwks.min-refetch-interval", KEY_REFETCH.toSeconds() + "s")),
                WhoAmIServlet.class, CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> me(String cookies) {
        return new TestHttp(app).send("GET", "api/me", null, "Cookie", cookies);
    }

    @Test
    void twentyParallelRequestsWithOneRefreshTokenCauseOneRefreshAndAreAllServedAsTheUser() throws Exception {
        NewSession user = idp.newUser();
        String browser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        CyclicBarrier start = new CyclicBarrier(PARALLEL);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return me(browser);
                }));
            }
            List<String> setTokens = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> me = answer.get();
                assertEquals(200, me.statusCode(), me.body());
                assertEquals(user.userId(), json(me).getString("principal"));
                setTokens.add(String.join(" ", tokenCookies(me).values().stream().map(SetCookie::value).toList()));
            }
            assertEquals(1, setTokens.stream().distinct().count(), "every answer hands out the one refresh's tokens");
        } finally {
            clients.shutdownNow();
        }
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void theRotatedOutRefreshTokenGetsTheSameNewTokensWithinTheGrace() {
        NewSession user = idp.newUser();
        String oldBrowser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        Map<String, SetCookie> first = tokenCookies(me(oldBrowser));

        HttpResponse<String> secondTab = me(oldBrowser);

        assertEquals(200, secondTab.statusCode(), secondTab.body());
        assertEquals(user.userId(), json(secondTab).getString("principal"));
        Map<String, SetCookie> again = tokenCookies(secondTab);
        for (String name : TOKEN_COOKIES) {
            assertEquals(first.get(name).value(), again.get(name).value(), name);
        }
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void aRequestArrivingWhileTheRefreshsAnswerIsCheckedWaitsForItInsteadOfBeingRefused() throws Exception {
        NewSession user = idp.newUser();
        String oldBrowser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        HttpResponse<String> warm = me(cookies(user.accessToken(), user.refreshToken()));
        assertEquals(200, warm.statusCode(), "the module knows the IdP's current key: " + warm.body());
        Thread.sleep(KEY_REFETCH.plusMillis(200).toMillis());
        // The refresh's new tokens come signed with a key the module has yet to fetch, slowly: the
        // first request holds the new tokens, not yet checked, for that long.
        idp.rotateKeys();
        idp.jwksFault(Json.createObjectBuilder().add("status", 200).add("contentType", "application/json")
                .add("body", idp.jwks()).add("delayMs", 1500).build());
        try {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> me(oldBrowser));
            Thread.sleep(500);

            HttpResponse<String> second = me(oldBrowser);

            assertEquals(200, second.statusCode(), second.body());
            assertEquals(user.userId(), json(second).getString("principal"));
            HttpResponse<String> firstAnswer = first.get();
            assertEquals(200, firstAnswer.statusCode(), firstAnswer.body());
            Map<String, SetCookie> firstTokens = tokenCookies(firstAnswer);
            Map<String, SetCookie> secondTokens = tokenCookies(second);
            for (String name : TOKEN_COOKIES) {
                assertEquals(firstTokens.get(name).value(), secondTokens.get(name).value(), name);
            }
        } finally {
            idp.clearJwksFault();
        }
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    /**
     * The IdP rotates the refresh token and signs the new tokens with a key its JWKS cannot give
     * at that moment: the request cannot be served as the user, but the new tokens, the user's only
     * ones now, are set all the same, and work once the keys can be had.
     */
    @Test
    void newTokensThatCannotBeCheckedForWantOfKeysAreKeptAndWorkOnceTheKeysAreBack() throws Exception {
        NewSession user = idp.newUser();
        String oldBrowser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        assertEquals(200, me(cookies(user.accessToken(), user.refreshToken())).statusCode());
        Thread.sleep(KEY_REFETCH.plusMillis(200).toMillis());
        idp.rotateKeys();
        idp.jwksFault(503);
        HttpResponse<String> duringTheOutage;
        try {
            duringTheOutage = me(oldBrowser);
        } finally {
            idp.clearJwksFault();
            Thread.sleep(KEY_REFETCH.plusMillis(200).toMillis()); // the module may ask for the new key again
        }

        // An unknown key whose fetch failed reads as a key the IdP does not publish (AV1004).
        assertEquals(401, duringTheOutage.statusCode(), duringTheOutage.body());
        Map<String, SetCookie> kept = tokenCookies(duringTheOutage);
        assertEquals(TOKEN_COOKIES.size(), kept.size(), "the spent refresh token's successors are set: " + kept);
        assertTrue(kept.values().stream().noneMatch(c -> c.value().isEmpty()), kept.toString());
        HttpResponse<String> after = me(cookies(kept.get("access_token").value(), kept.get("refresh_token").value()));
        assertEquals(200, after.statusCode(), after.body());
        assertEquals(user.userId(), json(after).getString("principal"));
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }

    @Test
    void theRotatedOutRefreshTokenAfterTheGraceSignsOutItsWholeChainWithoutReachingTheIdp()
            throws InterruptedException {
        NewSession user = idp.newUser();
        String oldBrowser = cookies(expiredAccessToken(idp, user.userId()), user.refreshToken());
        Map<String, SetCookie> renewed = tokenCookies(me(oldBrowser));
        Thread.sleep(GRACE.plusSeconds(1).toMillis());

        // The old cookie again after the grace: a thief's copy, or the owner's (whichever came second).
        HttpResponse<String> late = me(oldBrowser);

        assertEquals(401, late.statusCode(), late.body());
        assertTrue(json(late).getString("message").startsWith("AV1411E: "), late.body());
        assertCleared(late, TOKEN_COOKIES, "Path=/; HttpOnly; SameSite=Lax");
        // The successor's tokens go too, on this server and every other: its access token...
        HttpResponse<String> successor = me(cookies(renewed.get("access_token").value(),
                renewed.get("refresh_token").value()));
        assertEquals(401, successor.statusCode(), successor.body());
        assertTrue(json(successor).getString("message").startsWith("AV1011E: "), successor.body());
        // ...and its refresh token, refused without a call to the IdP.
        HttpResponse<String> successorRefresh = me(cookies(expiredAccessToken(idp, user.userId()),
                renewed.get("refresh_token").value()));
        assertEquals(401, successorRefresh.statusCode(), successorRefresh.body());
        assertRefreshCounts(idp, user.userId(), 1, 1, 0);
    }
}
