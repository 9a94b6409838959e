package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.RevokeResult;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** logout(refreshToken) revokes the refresh token's session with no access token, and passes on the IdP's four answers. */
@ExtendWith(ArquillianExtension.class)
class LogoutIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("logout");
    }

    @Test
    void revokesTheSessionOfTheRefreshTokenWithoutAnAccessToken() {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());
        int before = idp.requests().size();

        RevokeResult result = sessions.logout(user.refreshToken());

        assertEquals(new RevokeResult(true, "Session revoked successfully"), result);
        assertTrue(idp.isRevoked(user.sessionId()));
        assertFalse(idp.isRevoked(otherDevice.sessionId()));
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(1, received.size());
        assertEquals("POST", received.get(0).getString("method"));
        assertEquals("/oauth/logout", received.get(0).getString("path"));
        assertFalse(received.get(0).getBoolean("authorization"));
    }

    @Test
    void loggingOutAnAlreadyRevokedSessionAnswersFalse() {
        NewSession user = idp.newUser();
        sessions.logout(user.refreshToken());

        RevokeResult again = sessions.logout(user.refreshToken());

        assertEquals(new RevokeResult(false, "Session not found or already revoked"), again);
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aGarbageRefreshTokenIsLoggedOutWithoutAnIdpCallAndRevokesNothing() {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());
        int before = idp.requests().size();

        RevokeResult result = sessions.logout("not-a-jwt");

        assertEquals(new RevokeResult(true, "Logged out"), result);
        assertEquals(List.of(), idp.requestsAfter(before), "a made-up token costs no call from the IdP budget");
        assertFalse(idp.isRevoked(user.sessionId()));
        assertFalse(idp.isRevoked(otherDevice.sessionId()));
    }

    @Test
    void noRefreshTokenIsLoggedOutWithNoActiveSessionAndNoIdpCall() {
        int before = idp.requests().size();

        RevokeResult result = sessions.logout(null);

        assertEquals(new RevokeResult(true, "Logged out (no active session)"), result);
        assertEquals(List.of(), idp.requestsAfter(before));
    }

    @Test
    void aRefreshTokenSignedByAnotherKeyIsNotSentToTheIdp() {
        NewSession user = idp.newUser();
        String[] parts = user.refreshToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        int before = idp.requests().size();

        RevokeResult result = sessions.logout(forged);

        assertEquals(new RevokeResult(true, "Logged out"), result);
        assertEquals(List.of(), idp.requestsAfter(before));
        assertFalse(idp.isRevoked(user.sessionId()));
    }
}
