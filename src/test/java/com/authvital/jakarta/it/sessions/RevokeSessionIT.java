package com.authvital.jakarta.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** revoke() revokes one of the caller's own sessions at the IdP and maps the IdP's refusals to 404 and 403. */
@ExtendWith(ArquillianExtension.class)
class RevokeSessionIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("revoke-session");
    }

    @Test
    void revokesTheCallersOwnSessionAndItIsNoLongerListed() {
        NewSession phone = idp.newUser();
        NewSession laptop = idp.anotherSession(phone.userId());
        HttpServletRequest fromLaptop = Requests.bearer(current, laptop.accessToken());
        int before = idp.requests().size();

        RevokeResult result = sessions.revoke(fromLaptop, phone.sessionId());

        assertEquals(new RevokeResult(true, "Session revoked successfully"), result);
        assertTrue(idp.isRevoked(phone.sessionId()));
        assertFalse(idp.isRevoked(laptop.sessionId()));
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(1, received.size());
        assertEquals("POST", received.get(0).getString("method"));
        assertEquals(phone.sessionId(), received.get(0).getString("sessionId"));
        assertEquals(phone.userId(), received.get(0).getString("userId"));
        assertEquals(List.of(laptop.sessionId()),
                sessions.list(fromLaptop).sessions().stream().map(Session::id).toList());
    }

    @Test
    void anUnknownSessionIdIsSessionNotFoundWithTheIdpsMessage() {
        NewSession user = idp.newUser();
        String unknown = UUID.randomUUID().toString();

        SessionNotFoundException e = assertThrows(SessionNotFoundException.class,
                () -> sessions.revoke(Requests.bearer(current, user.accessToken()), unknown));

        assertEquals(404, e.getStatus());
        assertEquals(OptionalInt.of(404), e.getIdpStatus());
        assertEquals(List.of("Session not found"), e.getIdpMessages());
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void anotherUsersSessionIsAccessDeniedAndStaysLive() {
        NewSession victim = idp.newUser();
        NewSession attacker = idp.newUser();

        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> sessions.revoke(Requests.bearer(current, attacker.accessToken()), victim.sessionId()));

        assertEquals(403, e.getStatus());
        // The IdP itself answers 401 for this refusal; the module reports it as the 403 it is.
        assertEquals(OptionalInt.of(401), e.getIdpStatus());
        assertEquals(List.of("Cannot revoke another user's session"), e.getIdpMessages());
        assertFalse(idp.isRevoked(victim.sessionId()));
        assertEquals(List.of(victim.sessionId()), sessions.list(Requests.bearer(current, victim.accessToken()))
                .sessions().stream().map(Session::id).toList());
    }

    @Test
    void revokingASessionTwiceAnswersFalseTheSecondTime() {
        NewSession user = idp.newUser();
        HttpServletRequest request = Requests.bearer(current, user.accessToken());

        RevokeResult first = sessions.revoke(request, user.sessionId());
        RevokeResult second = sessions.revoke(request, user.sessionId());

        assertEquals(new RevokeResult(true, "Session revoked successfully"), first);
        assertEquals(new RevokeResult(false, "Session not found or already revoked"), second);
        assertTrue(idp.isRevoked(user.sessionId()));
    }
}
