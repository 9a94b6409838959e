package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SignInRequiredException;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.StandInClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.authvital.jakarta.internal.auth.AuthenticatorSetup.EVIL_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdicts of {@link Authenticator#decide}: on real tokens of the stand-in IdP, with the refresh
 * call scripted by each test and counted. No servlet container, and no response: the authenticator
 * has none to write to.
 */
class AuthenticatorTest {

    private static StandInIdp idp;

    private AuthenticatorSetup setup;

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
        if (setup != null) {
            setup.close();
        }
    }

    private AuthenticatorSetup setup(String... settings) {
        setup = new AuthenticatorSetup(idp, settings);
        return setup;
    }

    @Test
    void aValidBearerTokenIsTheUsers() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .header("Authorization", "Bearer " + user.accessToken()).build());

        Verdict.Authenticated authenticated = assertInstanceOf(Verdict.Authenticated.class, verdict);
        assertEquals(user.userId(), authenticated.user().principal().getName());
        assertEquals(CookieChange.KEEP, verdict.cookies());
        assertEquals(List.of(), s.refreshes.calls());
    }

    @Test
    void aValidCookieIsTheUsers() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("access_token", user.accessToken()).cookie("refresh_token", user.refreshToken()).build());

        assertEquals(user.userId(), assertInstanceOf(Verdict.Authenticated.class, verdict).user().principal().getName());
        assertEquals(List.of(), s.refreshes.calls(), "far from its expiry: not refreshed");
    }

    @Test
    void aRequestWithoutAnyTokenIsAnonymous() {
        AuthenticatorSetup s = setup();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me").build());

        assertEquals(Verdict.Kind.ANONYMOUS, verdict.kind());
        assertEquals(CookieChange.KEEP, verdict.cookies());
    }

    @Test
    void aForgedTokenIsRefused401WithTheTokenSent() {
        AuthenticatorSetup s = setup();
        String[] parts = s.dev.newUser().accessToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .header("Authorization", "Bearer " + forged).build());

        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, verdict);
        assertEquals(401, refused.status());
        assertTrue(refused.tokenSent(), "RFC 6750 §3.1: the challenge names the error");
        assertTrue(refused.message().startsWith("AV100"), refused.message());
        assertEquals(CookieChange.KEEP, verdict.cookies());
    }

    @Test
    void anExpiredCookieWithoutARefreshCookieIsRefused401() {
        AuthenticatorSetup s = setup();
        String expired = s.accessTokenExpiringIn(s.dev.newUser().userId(), Duration.ofMinutes(-5));

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me").cookie("access_token", expired).build());

        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, verdict);
        assertEquals(Messages.invalidAccessToken("it has expired"), refused.message());
        assertEquals(List.of(), s.refreshes.calls());
    }

    /** Cross-site request forgery: refused before the keys are fetched or the refresh token is sent. */
    @Test
    void aCrossSitePostThatOnlyCookiesAuthenticateIsRefused403BeforeAnyIdpCall() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.dev.resetStats();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Origin", EVIL_ORIGIN)
                .cookie("access_token", s.accessTokenExpiringIn(user.userId(), Duration.ofMinutes(-5)))
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, verdict);
        assertTrue(refused.crossSite());
        assertEquals(403, refused.status());
        assertEquals(Messages.crossSiteRefused("access_token"), refused.message());
        assertEquals(List.of(), s.refreshes.calls());
        assertEquals(0, s.dev.jwksFetches(), "not even the keys were fetched");
    }

    @Test
    void aCrossSitePostWithABearerHeaderIsServed() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Origin", EVIL_ORIGIN).header("Authorization", "Bearer " + user.accessToken()).build());

        assertEquals(Verdict.Kind.AUTHENTICATED, verdict.kind(), "a browser never adds the header by itself");
    }

    @Test
    void anExpiringCookieIsRefreshedOnceAndBothCookiesAreToBeSet() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.refreshes.answer(session -> s.newTokens(user.userId(), session));

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("access_token", s.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Refreshed refreshed = assertInstanceOf(Verdict.Refreshed.class, verdict);
        assertEquals(List.of(user.sessionId()), s.refreshes.calls());
        assertEquals(refreshed.cookies().accessToken(), refreshed.user().token(), "the user is the new token's");
        assertEquals(Duration.ofSeconds(900), refreshed.cookies().accessTokenLifetime());
        assertTrue(refreshed.cookies().refreshTokenLifetime().compareTo(Duration.ofDays(1)) > 0,
                refreshed.cookies().toString());
        assertTrue(!refreshed.toString().contains(refreshed.cookies().accessToken())
                && !refreshed.toString().contains(refreshed.cookies().refreshToken()), "no token in toString");
    }

    @Test
    void aBearerTokenIsNeverRefreshed() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .header("Authorization", "Bearer " + s.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()).build());

        assertEquals(Verdict.Kind.AUTHENTICATED, verdict.kind());
        assertEquals(List.of(), s.refreshes.calls(), "its client did not get it from the cookies");
    }

    @Test
    void aRefreshTheIdpRefusesClearsBothCookies() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        NotAuthenticatedException refusal = new NotAuthenticatedException(401, List.of("Session revoked"),
                Messages.idpRefusedRefresh("(Session revoked)"));
        s.refreshes.fail(refusal);

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, verdict);
        assertSame(refusal, refused.failure(), "the IdP's status and words reach the service's caller");
        assertEquals(CookieChange.CLEAR, verdict.cookies());
        assertEquals(1, s.refreshes.calls().size());
    }

    @Test
    void aSignInTheIdpAsksForKeepsTheCookiesAndAValidTokenGoesOn() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.refreshes.fail(new SignInRequiredException(List.of(), Messages.interactionRequired("(MFA)")));

        Verdict without = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("refresh_token", user.refreshToken()).build());
        Verdict with = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("access_token", s.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()).build());

        assertTrue(assertInstanceOf(Verdict.Refused.class, without).signInRequired());
        assertEquals(CookieChange.KEEP, without.cookies(), "nothing was revoked");
        assertEquals(Verdict.Kind.AUTHENTICATED, with.kind(), "signed in for a while yet");
    }

    @Test
    void anIdpOutageDuringARefreshLetsAStillValidTokenGoOn() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        IdpUnavailableException outage = new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null);
        s.refreshes.fail(outage);

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("access_token", s.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Authenticated authenticated = assertInstanceOf(Verdict.Authenticated.class, verdict);
        assertEquals(user.userId(), authenticated.user().principal().getName());
        assertSame(outage, authenticated.refreshFailure().orElseThrow());
        assertEquals(CookieChange.KEEP, verdict.cookies(), "an outage signs nobody out");
    }

    @Test
    void anIdpOutageDuringARefreshWithoutAValidTokenIsUnavailableForAFewSeconds() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.refreshes.fail(new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null));

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Unavailable unavailable = assertInstanceOf(Verdict.Unavailable.class, verdict);
        assertEquals(5, unavailable.retryAfterSeconds());
        assertEquals(CookieChange.KEEP, verdict.cookies());
    }

    @Test
    void aRateLimitedRefreshIsUnavailableUntilTheIdpsRetryAfter() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.refreshes.fail(new RateLimitedException(Duration.ofSeconds(42), List.of(), Messages.idpRateLimited("refresh", 42)));

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("refresh_token", user.refreshToken()).build());

        assertEquals(42, assertInstanceOf(Verdict.Unavailable.class, verdict).retryAfterSeconds());
    }

    @Test
    void aSessionRevokedHereClearsBothCookiesWithoutAnIdpCall() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.revocations.denySession(user.sessionId());

        Verdict verdict = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .cookie("refresh_token", user.refreshToken()).build());

        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, verdict);
        assertEquals(Messages.tokenRevokedHere(), refused.message());
        assertEquals(CookieChange.CLEAR, verdict.cookies());
        assertEquals(List.of(), s.refreshes.calls());
    }

    @Test
    void aChangeWhileTheSharedStoreIsUnreachableIsUnavailableButReadsAndTheLogoutGoOn() {
        AuthenticatorSetup s = setup();
        StandInClient.NewSession user = s.dev.newUser();
        s.store.reachable = false;
        String bearer = "Bearer " + user.accessToken();

        Verdict change = s.authenticator.decide(ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Authorization", bearer).build());
        Verdict read = s.authenticator.decide(ServletFakes.to("GET", "/api/me").header("Authorization", bearer).build());
        Verdict logout = s.authenticator.decide(ServletFakes.to("POST", "/logout").header("Authorization", bearer).build());

        Verdict.Unavailable unavailable = assertInstanceOf(Verdict.Unavailable.class, change);
        assertEquals(Messages.storeUnreachableRefused(), unavailable.failure().getMessage());
        assertEquals(503, unavailable.failure().getStatus());
        assertEquals(Verdict.Kind.AUTHENTICATED, read.kind());
        assertEquals(Verdict.Kind.AUTHENTICATED, logout.kind(), "a logout only takes rights away");
    }

    @Test
    void everyRequestIsUnavailableWhileThisServerHasNoCopyOfTheRevocations() {
        AuthenticatorSetup s = setup();
        s.store.holdsRevocations = false;

        Verdict read = s.authenticator.decide(ServletFakes.to("GET", "/api/me")
                .header("Authorization", "Bearer " + s.dev.newUser().accessToken()).build());

        assertEquals(Verdict.Kind.UNAVAILABLE, read.kind());
    }

    @Test
    void changesGoOnWhileTheStoreIsUnreachableWhenTheSettingAllowsThem() {
        AuthenticatorSetup s = setup(ConfigKeys.STORE_UNREACHABLE, "allow");
        s.store.reachable = false;

        Verdict change = s.authenticator.decide(ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Authorization", "Bearer " + s.dev.newUser().accessToken()).build());

        assertEquals(Verdict.Kind.AUTHENTICATED, change.kind());
    }
}
