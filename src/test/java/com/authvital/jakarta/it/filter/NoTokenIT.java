package com.authvital.jakarta.it.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.Session;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * A request without a usable access token is NotAuthenticated (401): refused before any IdP
 * call when it carries none, two different ones, a forged, expired or refresh token, and with
 * the IdP's message when the IdP refuses one that passed local validation.
 */
@ExtendWith(ArquillianExtension.class)
class NoTokenIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("no-token");
    }

    @Test
    void listWithoutATokenIsNotAuthenticatedBeforeAnyIdpCall() {
        assertRefusedBeforeTheIdp(() -> sessions.list(Requests.anonymous(current)));
    }

    @Test
    void revokeWithoutATokenIsNotAuthenticatedBeforeAnyIdpCall() {
        NewSession user = idp.newUser();

        assertRefusedBeforeTheIdp(() -> sessions.revoke(Requests.anonymous(current), user.sessionId()));

        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void revokeAllWithoutATokenIsNotAuthenticatedBeforeAnyIdpCall() {
        NewSession user = idp.newUser();

        assertRefusedBeforeTheIdp(() -> sessions.revokeAll(Requests.anonymous(current)));

        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void differentTokensInHeaderAndCookieAreRefusedBeforeAnyIdpCall() {
        NewSession header = idp.newUser();
        NewSession cookie = idp.newUser();

        assertRefusedBeforeTheIdp(() -> sessions.revokeAll(Requests.bearerAndCookie(current,
                header.accessToken(), "access_token", cookie.accessToken())));

        assertFalse(idp.isRevoked(header.sessionId()));
        assertFalse(idp.isRevoked(cookie.sessionId()));
    }

    @Test
    void theSameTokenInHeaderAndCookieIsAccepted() {
        NewSession user = idp.newUser();

        List<Session> listed = sessions.list(Requests.bearerAndCookie(current,
                user.accessToken(), "access_token", user.accessToken())).sessions();

        assertEquals(List.of(user.sessionId()), listed.stream().map(Session::id).toList());
    }

    @Test
    void aMalformedBearerHeaderIsRefusedBeforeAnyIdpCall() {
        assertRefusedBeforeTheIdp(() -> sessions.list(Requests.bearer(current, "two words")));
    }

    @Test
    void aForgedTokenIsRefusedBeforeAnyIdpCall() {
        NewSession user = idp.newUser();
        String forged = forge(user.accessToken());

        NotAuthenticatedException e = assertRefusedBeforeTheIdp(() -> sessions.revokeAll(Requests.bearer(current, forged)));

        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void anExpiredTokenIsRefusedBeforeAnyIdpCall() {
        NewSession user = idp.session(Map.of("accessTokenIssuedAt", Instant.now().minus(Duration.ofHours(2))));

        NotAuthenticatedException e = assertRefusedBeforeTheIdp(
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertTrue(e.getMessage().contains("expired") && e.getMessage().contains("sign the user in again"),
                e.getMessage());
    }

    @Test
    void aRefreshTokenIsRefusedAsAnAccessTokenBeforeAnyIdpCall() {
        NewSession user = idp.newUser();

        NotAuthenticatedException e = assertRefusedBeforeTheIdp(
                () -> sessions.revokeAll(Requests.bearer(current, user.refreshToken())));

        assertTrue(e.getMessage().contains("refresh token"), e.getMessage());
        assertFalse(idp.isRevoked(user.sessionId()), "the IdP would have accepted it and revoked everything");
    }

    @Test
    void aTokenTheIdpRefusesIsNotAuthenticatedWithTheIdpsMessage() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 401, "application/json",
                "{\"statusCode\":401,\"message\":\"Invalid or expired access token\",\"error\":\"Unauthorized\"}");

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        assertEquals(401, e.getStatus());
        assertEquals(OptionalInt.of(401), e.getIdpStatus());
        assertEquals(List.of("Invalid or expired access token"), e.getIdpMessages());
    }

    private NotAuthenticatedException assertRefusedBeforeTheIdp(Executable call) {
        int before = idp.requests().size();

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class, call);

        assertEquals(401, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertEquals(List.of(), e.getIdpMessages());
        assertEquals(before, idp.requests().size(), "no request may reach the IdP");
        return e;
    }

    /**
     * The token with four characters of its signature changed, not the last one (it has unused
     * bits, which must stay zero): another signature, still canonical base64url.
     */
    private static String forge(String token) {
        StringBuilder forged = new StringBuilder(token);
        for (int i = token.length() - 5; i < token.length() - 1; i++) {
            forged.setCharAt(i, token.charAt(i) == 'A' ? 'B' : 'A');
        }
        assertNotEquals(token, forged.toString());
        return forged.toString();
    }
}
