package com.authvital.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** signOutOtherDevices() revokes every session the IdP lists but this device's, and only ids that name one. */
@ExtendWith(ArquillianExtension.class)
class SignOutOtherDevicesIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("sign-out-other-devices");
    }

    private HttpServletRequest from(NewSession device) {
        return Requests.bearerAndCookie(current, device.accessToken(), "refresh_token", device.refreshToken());
    }

    @Test
    void revokesTheOtherSessionsAndKeepsThisDevices() {
        NewSession laptop = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession phone = idp.anotherSession(laptop.userId());
        NewSession tablet = idp.anotherSession(laptop.userId());

        RevokeAllResult result = sessions.signOutOtherDevices(from(laptop));

        assertEquals(new RevokeAllResult(true, "Revoked 2 other session(s)", 2), result);
        assertTrue(idp.isRevoked(phone.sessionId()));
        assertTrue(idp.isRevoked(tablet.sessionId()));
        assertFalse(idp.isRevoked(laptop.sessionId()));
    }

    /**
     * An id the IdP lists as "." or ".." cannot stay one path segment (RFC 3986 §5.2.4): revoking
     * it would call another endpoint. Such ids are checked like a caller's and never sent.
     */
    @Test
    void sendsNoRevocationForListedIdsThatNameNoSession() {
        NewSession laptop = idp.newUser();
        idp.fault(laptop.userId(), 0, 200, "application/json", "{\"sessions\":["
                + "{\"id\":\".\",\"createdAt\":\"2026-11-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T10:00:00Z\"},"
                + "{\"id\":\"..\",\"createdAt\":\"2026-11-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T10:00:00Z\"}"
                + "],\"count\":2}");
        int before = idp.requests().size();

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class,
                () -> sessions.signOutOtherDevices(from(laptop)));

        assertEquals(502, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1106: "), e.getMessage());
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(List.of("/oauth/sessions"), received.stream().map(r -> r.getString("path")).toList(),
                "the list, and no revocation");
    }
}
