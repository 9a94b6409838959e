package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.authvital.jakarta.internal.auth.AuthenticatorSetup.EVIL_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the filter answers each verdict with, as the client sees it: the status, the challenge,
 * the JSON body, the {@code Set-Cookie} headers, whether the application was called and as whom;
 * and how many refreshes the IdP was asked for.
 */
class FilterGuardTest {

    private static StandInIdp idp;

    private AuthenticatorSetup setup;
    private StandInClient.NewSession user;
    private final ServletFakes.Recorded answer = new ServletFakes.Recorded();
    /** The requests the application got, as the filter passed them on. */
    private final List<HttpServletRequest> passed = new ArrayList<>();

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, AuthenticatorSetup.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @AfterEach
    void close() {
        setup.close();
    }

    /** The filter with these init-params, over a new authenticator, and a new user. */
    private FilterGuard filter(Map<String, String> initParams) {
        setup = new AuthenticatorSetup(idp);
        user = setup.dev.newUser();
        return setup.authenticator.guard(initParams::get);
    }

    private void send(FilterGuard filter, ServletFakes.RequestBuilder request) throws IOException, ServletException {
        filter.doFilter(request.build(), ServletFakes.response(answer), (req, res) -> passed.add((HttpServletRequest) req));
    }

    private JsonObject body() {
        return Json.createReader(new StringReader(answer.body.toString())).readObject();
    }

    private void assertPassedAs(String userId) {
        assertEquals(1, passed.size(), "the application was called once");
        assertEquals(userId, passed.get(0).getUserPrincipal().getName());
        assertEquals("Bearer", passed.get(0).getAuthType());
    }

    private void assertBothCookiesCleared() {
        List<String> cookies = answer.headers("Set-Cookie");
        assertEquals(2, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).startsWith("access_token=; Max-Age=0; Expires=Thu, 01 Jan 1970"), cookies.get(0));
        assertTrue(cookies.get(1).startsWith("refresh_token=; Max-Age=0; Expires=Thu, 01 Jan 1970"), cookies.get(1));
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void aValidBearerTokenReachesTheApplicationAsItsUser() throws Exception {
        FilterGuard filter = filter(Map.of());

        send(filter, ServletFakes.to("GET", "/api/me").header("Authorization", "Bearer " + user.accessToken()));

        assertPassedAs(user.userId());
        assertEquals(200, answer.status);
        assertEquals(List.of(), answer.headers("Set-Cookie"));
    }

    @Test
    void aValidCookieReachesTheApplicationAsItsUser() throws Exception {
        FilterGuard filter = filter(Map.of());

        send(filter, ServletFakes.to("GET", "/api/me").cookie("access_token", user.accessToken()));

        assertPassedAs(user.userId());
        assertEquals(List.of(), answer.headers("Set-Cookie"));
    }

    @Test
    void noTokenAnswers401WithABareChallenge() throws Exception {
        FilterGuard filter = filter(Map.of());

        send(filter, ServletFakes.to("GET", "/api/me"));

        assertEquals(List.of(), passed);
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"authvital\"", answer.header("WWW-Authenticate"), "RFC 6750 §3.1: no error code");
        assertEquals("invalid_token", body().getString("error"));
        assertEquals(Messages.noAccessToken("access_token"), body().getString("message"));
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void noTokenInTheOptionalModeReachesTheApplicationAnonymously() throws Exception {
        FilterGuard filter = filter(Map.of("mode", "optional"));

        send(filter, ServletFakes.to("GET", "/api/me"));

        assertEquals(1, passed.size());
        assertNull(passed.get(0).getUserPrincipal());
        assertEquals(200, answer.status);
    }

    @Test
    void aPublicPathAndTheSignInPassWithoutAToken() throws Exception {
        FilterGuard filter = filter(Map.of("public-paths", "/health"));

        send(filter, ServletFakes.to("GET", "/health"));
        send(filter, ServletFakes.to("GET", "/login"));

        assertEquals(2, passed.size());
        assertEquals(200, answer.status);
    }

    @Test
    void anExpiredTokenAnswers401WithInvalidToken() throws Exception {
        FilterGuard filter = filter(Map.of());

        send(filter, ServletFakes.to("GET", "/api/me").header("Authorization",
                "Bearer " + setup.accessTokenExpiringIn(user.userId(), Duration.ofMinutes(-5))));

        assertEquals(List.of(), passed);
        assertEquals(401, answer.status);
        assertTrue(answer.header("WWW-Authenticate").contains("error=\"invalid_token\""), answer.header("WWW-Authenticate"));
        assertEquals(Messages.invalidAccessToken("it has expired"), body().getString("message"));
    }

    @Test
    void aCrossSiteCookiePostAnswers403WithoutARefreshEvenInTheOptionalMode() throws Exception {
        FilterGuard filter = filter(Map.of("mode", "optional"));

        send(filter, ServletFakes.to("POST", "/api/sessions/revoke-all").header("Origin", EVIL_ORIGIN)
                .cookie("refresh_token", user.refreshToken()));

        assertEquals(List.of(), passed);
        assertEquals(403, answer.status);
        assertEquals("forbidden", body().getString("error"));
        assertEquals(Messages.crossSiteRefused("access_token"), body().getString("message"));
        assertEquals(List.of(), setup.refreshes.calls());
    }

    @Test
    void anExpiringCookieIsRefreshedOnceAndTheNewCookiesSet() throws Exception {
        FilterGuard filter = filter(Map.of());
        List<String> newTokens = new ArrayList<>();
        setup.refreshes.answer(session -> {
            var refreshed = setup.newTokens(user.userId(), session);
            newTokens.add(refreshed.tokens().accessToken());
            newTokens.add(refreshed.tokens().refreshToken());
            return refreshed;
        });

        send(filter, ServletFakes.to("GET", "/api/me")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()));

        assertEquals(List.of(user.sessionId()), setup.refreshes.calls());
        assertPassedAs(user.userId());
        List<String> cookies = answer.headers("Set-Cookie");
        assertEquals(2, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).startsWith("access_token=" + newTokens.get(0) + "; Max-Age=900; "), "access cookie");
        assertTrue(cookies.get(1).startsWith("refresh_token=" + newTokens.get(1) + "; Max-Age="), "refresh cookie");
        assertEquals("no-store", answer.header("Cache-Control"));
    }

    @Test
    void aRefreshTheIdpRefusesClearsBothCookiesAndAnswers401() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.refreshes.fail(new NotAuthenticatedException(401, List.of("Session revoked"),
                Messages.idpRefusedRefresh("(Session revoked)")));

        send(filter, ServletFakes.to("GET", "/api/me").cookie("refresh_token", user.refreshToken()));

        assertEquals(List.of(), passed);
        assertEquals(401, answer.status);
        assertTrue(body().getString("message").startsWith("AV1108E: "), answer.body.toString());
        assertBothCookiesCleared();
        assertEquals(1, setup.refreshes.calls().size());
    }

    @Test
    void anIdpOutageDuringARefreshLetsAStillValidTokenThroughWithItsCookies() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.refreshes.fail(new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null));

        send(filter, ServletFakes.to("GET", "/api/me")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()));

        assertPassedAs(user.userId());
        assertEquals(List.of(), answer.headers("Set-Cookie"), "an outage signs nobody out");
        assertEquals(1, setup.refreshes.calls().size());
    }

    @Test
    void anIdpOutageDuringARefreshWithoutAValidTokenAnswers503WithRetryAfter() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.refreshes.fail(new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null));

        send(filter, ServletFakes.to("GET", "/api/me").cookie("refresh_token", user.refreshToken()));

        assertEquals(List.of(), passed);
        assertEquals(503, answer.status);
        assertEquals("5", answer.header("Retry-After"));
        assertEquals("temporarily_unavailable", body().getString("error"));
        assertEquals(List.of(), answer.headers("Set-Cookie"));
    }

    @Test
    void aRateLimitedRefreshAnswers503WithTheIdpsRetryAfter() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.refreshes.fail(new RateLimitedException(Duration.ofSeconds(42), List.of(),
                Messages.idpRateLimited("refresh", 42)));

        send(filter, ServletFakes.to("GET", "/api/me").cookie("refresh_token", user.refreshToken()));

        assertEquals(503, answer.status);
        assertEquals("42", answer.header("Retry-After"));
    }

    @Test
    void aSessionRevokedHereClearsBothCookiesWithoutAnIdpCall() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.revocations.denySession(user.sessionId());

        send(filter, ServletFakes.to("GET", "/api/me").cookie("refresh_token", user.refreshToken()));

        assertEquals(401, answer.status);
        assertEquals(Messages.tokenRevokedHere(), body().getString("message"));
        assertBothCookiesCleared();
        assertEquals(List.of(), setup.refreshes.calls());
    }

    @Test
    void aChangeWhileTheSharedStoreIsUnreachableAnswers503() throws Exception {
        FilterGuard filter = filter(Map.of());
        setup.store.reachable = false;

        send(filter, ServletFakes.to("POST", "/api/sessions/revoke-all").header("Authorization", "Bearer " + user.accessToken()));

        assertEquals(List.of(), passed);
        assertEquals(503, answer.status);
        assertEquals("5", answer.header("Retry-After"));
        assertEquals(Messages.storeUnreachableRefused(), body().getString("message"));
    }
}
