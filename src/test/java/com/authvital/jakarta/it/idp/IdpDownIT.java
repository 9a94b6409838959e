package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.StandInClient;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/** When nothing listens at 'authvital.host', every call is IdpUnavailable with status 503 and no IdP status. */
@ExtendWith(ArquillianExtension.class)
class IdpDownIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("idp-down", Map.of(
                "authvital.host", "http://127.0.0.1:" + Deployments.closedPort(),
                StandInClient.STAND_IN, Deployments.idp().baseUrl()));
    }

    @Test
    void listIsUnavailableWhenTheIdpCannotBeReached() {
        NewSession user = idp.newUser();

        IdpUnavailableException e = assertUnreachable(
                () -> sessions.list(Requests.bearer(current, user.accessToken())));

        // The access token is validated first, so it is the IdP's keys that cannot be fetched.
        assertTrue(e.getMessage().startsWith("AV1206E: "), e.getMessage());
    }

    @Test
    void revokeIsUnavailableWhenTheIdpCannotBeReached() {
        NewSession user = idp.newUser();

        IdpUnavailableException e = assertUnreachable(
                () -> sessions.revoke(Requests.bearer(current, user.accessToken()), user.sessionId()));

        assertTrue(e.getMessage().startsWith("AV1206E: "), e.getMessage());
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void logoutIsUnavailableWhenTheIdpCannotBeReached() {
        NewSession user = idp.newUser();

        IdpUnavailableException e = assertUnreachable(() -> sessions.logout(user.refreshToken()));

        // The refresh token is checked against the IdP's keys before it is sent: their fetch fails first.
        assertTrue(e.getMessage().startsWith("AV1206E: "), e.getMessage());

        assertFalse(idp.isRevoked(user.sessionId()));
    }

    private IdpUnavailableException assertUnreachable(Executable call) {
        int before = idp.requests().size();

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, call);

        assertEquals(503, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertEquals(List.of(), e.getIdpMessages());
        // The module called the configured host, not the stand-in the sessions came from.
        assertEquals(before, idp.requests().size());
        return e;
    }
}
