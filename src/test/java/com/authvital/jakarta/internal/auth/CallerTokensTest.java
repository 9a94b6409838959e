package com.authvital.jakarta.internal.auth;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.session.TokenRefresher;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.ServletFakes;
import com.authvital.testing.StandInClient;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.authvital.jakarta.internal.auth.AuthenticatorSetup.EVIL_ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The sessions service's path through the authenticator ({@link Authenticator#callerToken} and
 * {@link Authenticator#currentSessionId}): the token it forwards to the IdP, or the exception its
 * caller gets, and the cookies a refresh sets.
 */
class CallerTokensTest {

    private static StandInIdp idp;

    private AuthenticatorSetup setup;
    private StandInClient.NewSession user;

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, AuthenticatorSetup.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    @BeforeEach
    void open() {
        setup = new AuthenticatorSetup(idp);
        user = setup.dev.newUser();
    }

    @AfterEach
    void close() {
        setup.close();
    }

    @Test
    void aValidBearerTokenIsForwardedAsSent() {
        HttpServletRequest request = ServletFakes.to("GET", "/api/sessions")
                .header("Authorization", "Bearer " + user.accessToken()).build();

        assertEquals(user.accessToken(), setup.authenticator.callerToken(request));
    }

    @Test
    void noTokenThrowsNotAuthenticatedBeforeAnyIdpCall() {
        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> setup.authenticator.callerToken(ServletFakes.to("GET", "/api/sessions").build()));

        assertEquals(Messages.noAccessToken("access_token"), e.getMessage());
    }

    @Test
    void aCrossSiteCookieDeleteThrowsAccessDenied() {
        HttpServletRequest request = ServletFakes.to("DELETE", "/api/sessions/s-1").header("Origin", EVIL_ORIGIN)
                .cookie("access_token", user.accessToken()).build();

        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> setup.authenticator.callerToken(request));

        assertEquals(403, e.getStatus());
    }

    @Test
    void withAResponseAnExpiringCookieIsRefreshedTheCookiesSetAndTheNewSessionCurrent() {
        List<TokenRefresher.Refreshed> given = new ArrayList<>();
        setup.refreshes.answer(session -> {
            TokenRefresher.Refreshed refreshed = setup.newTokens(user.userId(), session);
            given.add(refreshed);
            return refreshed;
        });
        HttpServletRequest request = ServletFakes.to("GET", "/api/sessions")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(10)))
                .cookie("refresh_token", user.refreshToken()).build();
        ServletFakes.Recorded answer = new ServletFakes.Recorded();

        String token = setup.authenticator.callerToken(request, ServletFakes.response(answer));

        assertEquals(given.get(0).tokens().accessToken(), token);
        assertEquals(2, answer.headers("Set-Cookie").size(), answer.headers("Set-Cookie").toString());
        assertEquals(given.get(0).newSession().map(s -> s.sessionId()), setup.authenticator.currentSessionId(request));
        assertEquals(List.of(user.sessionId()), setup.refreshes.calls());
    }

    @Test
    void withoutAResponseNothingIsRefreshed() {
        HttpServletRequest request = ServletFakes.to("GET", "/api/sessions")
                .cookie("refresh_token", user.refreshToken()).build();

        assertThrows(NotAuthenticatedException.class, () -> setup.authenticator.callerToken(request));

        assertEquals(List.of(), setup.refreshes.calls());
        assertEquals(Optional.of(user.sessionId()), setup.authenticator.currentSessionId(request));
    }

    /** Accepted here within the clock skew, but the IdP would refuse it: the outage is the answer, not a 401. */
    @Test
    void aTokenExpiredWithinTheSkewWhoseRefreshFailedThrowsTheOutage() {
        IdpUnavailableException outage = new IdpUnavailableException(503, null, List.of(), "AV1201E: test outage", null);
        setup.refreshes.fail(outage);
        HttpServletRequest request = ServletFakes.to("GET", "/api/sessions")
                .cookie("access_token", setup.accessTokenExpiringIn(user.userId(), Duration.ofSeconds(-10)))
                .cookie("refresh_token", user.refreshToken()).build();

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> setup.authenticator.callerToken(request, ServletFakes.response(new ServletFakes.Recorded())));

        assertSame(outage, e);
    }

    @Test
    void aRefusedRefreshThrowsTheIdpsRefusalAndClearsTheCookies() {
        NotAuthenticatedException refusal = new NotAuthenticatedException(401, List.of("Session revoked"),
                Messages.idpRefusedRefresh("(Session revoked)"));
        setup.refreshes.fail(refusal);
        ServletFakes.Recorded answer = new ServletFakes.Recorded();

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, () -> setup.authenticator.callerToken(
                ServletFakes.to("GET", "/api/sessions").cookie("refresh_token", user.refreshToken()).build(),
                ServletFakes.response(answer)));

        assertSame(refusal, e);
        assertEquals(2, answer.headers("Set-Cookie").size(), answer.headers("Set-Cookie").toString());
    }

    @Test
    void aChangeWhileTheSharedStoreIsUnreachableThrowsAV1503EvenAfterTheFilter() {
        setup.store.reachable = false;
        HttpServletRequest request = ServletFakes.to("POST", "/api/sessions/revoke-all")
                .header("Authorization", "Bearer " + user.accessToken()).build();
        request.setAttribute(com.authvital.jakarta.internal.token.ValidatedToken.ATTRIBUTE,
                setup.validator.validate(user.accessToken()));

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> setup.authenticator.callerToken(request));

        assertEquals(Messages.storeUnreachableRefused(), e.getMessage());
    }
}
