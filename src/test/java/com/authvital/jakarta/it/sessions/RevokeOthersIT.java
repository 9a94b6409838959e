package com.authvital.jakarta.it.sessions;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** revokeOthers() revokes every session the IdP lists but this device's, and only ids that name one. */
@ExtendWith(ArquillianExtension.class)
class RevokeOthersIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("revoke-others");
    }

    private HttpServletRequest from(NewSession device) {
        return Requests.bearerAndCookie(current, device.accessToken(), "refresh_token", device.refreshToken());
    }

    @Test
    void revokesTheOtherSessionsAndKeepsThisDevices() {
        NewSession laptop = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession phone = idp.anotherSession(laptop.userId());
        NewSession tablet = idp.anotherSession(laptop.userId());

        RevokeAllResult result = sessions.revokeOthers(from(laptop));

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
                () -> sessions.revokeOthers(from(laptop)));

        assertEquals(502, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1106E: "), e.getMessage());
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(List.of("/oauth/sessions"), received.stream().map(r -> r.getString("path")).toList(),
                "the list, and no revocation");
    }

    /**
     * The IdP allows a few calls a minute per address (the contract's is 100): revocations it
     * answers 429 are made again after its Retry-After (here cut to the module's 10 s) instead of
     * leaving the user half signed out.
     */
    @Test
    void waitsOutTheIdpsRateLimitAndRevokesEveryOtherSession() throws Exception {
        NewSession laptop = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        List<NewSession> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(idp.anotherSession(laptop.userId()));
        }
        sessions.list(from(laptop)); // the keys fetched before the limit, which counts every call
        idp.resetRateLimits();
        idp.settings(Json.createObjectBuilder().add("otherRequestsPerMinute", 3).build());
        // The IdP's minute passes early, as far as this test is concerned, a second into the wait.
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(1_500);
                idp.resetRateLimits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        later.start();
        try {
            RevokeAllResult result = sessions.revokeOthers(from(laptop));

            assertEquals(new RevokeAllResult(true, "Revoked 5 other session(s)", 5), result);
            assertTrue(others.stream().allMatch(other -> idp.isRevoked(other.sessionId())));
            assertFalse(idp.isRevoked(laptop.sessionId()));
        } finally {
            later.join();
            idp.settings(Json.createObjectBuilder().add("otherRequestsPerMinute", 0).build());
            idp.resetRateLimits();
        }
    }
}
