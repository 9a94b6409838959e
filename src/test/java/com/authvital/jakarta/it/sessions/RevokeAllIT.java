package com.authvital.jakarta.it.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** revokeAll() logs the caller out everywhere, or of one application only, and sends the IdP the body it expects. */
@ExtendWith(ArquillianExtension.class)
class RevokeAllIT extends InContainerTest {

    private static final String BILLING = "billing-app";

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("revoke-all");
    }

    @Test
    void revokesEverySessionOfTheCallerInEveryApplication() {
        NewSession first = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession second = idp.session(Map.of("userId", first.userId(), "applicationId", Deployments.CLIENT_ID));
        NewSession billing = idp.session(Map.of("userId", first.userId(), "applicationId", BILLING));
        NewSession bystander = idp.newUser();
        HttpServletRequest request = Requests.bearer(current, first.accessToken());
        int before = idp.requests().size();

        RevokeAllResult result = sessions.revokeAll(request);

        assertEquals(new RevokeAllResult(true, "Revoked 3 session(s)", 3), result);
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(1, received.size());
        assertEquals("/oauth/logout-all", received.get(0).getString("path"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, received.get(0).get("body"));
        assertTrue(idp.isRevoked(first.sessionId()));
        assertTrue(idp.isRevoked(second.sessionId()));
        assertTrue(idp.isRevoked(billing.sessionId()));
        assertFalse(idp.isRevoked(bystander.sessionId()));
        // The IdP would still accept the caller's token (it carries no session id); the module does not.
        NotAuthenticatedException refused = assertThrows(NotAuthenticatedException.class, () -> sessions.list(request));
        assertTrue(refused.getMessage().startsWith("AV1011E: "), refused.getMessage());
    }

    @Test
    void withAnApplicationIdRevokesOnlyThatApplicationsSessions() {
        NewSession first = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession second = idp.session(Map.of("userId", first.userId(), "applicationId", Deployments.CLIENT_ID));
        NewSession billing = idp.session(Map.of("userId", first.userId(), "applicationId", BILLING));
        HttpServletRequest request = Requests.bearer(current, first.accessToken());
        int before = idp.requests().size();

        RevokeAllResult result = sessions.revokeAll(request, BILLING);

        assertEquals(new RevokeAllResult(true, "Revoked 1 session(s)", 1), result);
        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(1, received.size());
        assertEquals(Json.createObjectBuilder().add("application_id", BILLING).build(), received.get(0).get("body"));
        assertTrue(idp.isRevoked(billing.sessionId()));
        assertFalse(idp.isRevoked(first.sessionId()));
        assertFalse(idp.isRevoked(second.sessionId()));
        SessionList after = sessions.list(request);
        assertEquals(2, after.count());
        assertEquals(Set.of(first.sessionId(), second.sessionId()),
                after.sessions().stream().map(Session::id).collect(Collectors.toSet()));
    }

    @Test
    void aBlankApplicationIdMeansEveryApplication() {
        NewSession mine = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        NewSession billing = idp.session(Map.of("userId", mine.userId(), "applicationId", BILLING));
        int before = idp.requests().size();

        RevokeAllResult result = sessions.revokeAll(Requests.bearer(current, mine.accessToken()), "  ");

        assertEquals(new RevokeAllResult(true, "Revoked 2 session(s)", 2), result);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, idp.requestsAfter(before).get(0).get("body"));
        assertTrue(idp.isRevoked(mine.sessionId()));
        assertTrue(idp.isRevoked(billing.sessionId()));
    }
}
