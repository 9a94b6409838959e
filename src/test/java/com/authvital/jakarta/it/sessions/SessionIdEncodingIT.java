package com.authvital.jakarta.it.sessions;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.Requests;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.OptionalInt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A session id given to revoke() reaches the IdP as exactly one path segment, whatever it
 * contains, so no id can name another endpoint; ids no encoding can keep are refused locally.
 *
 * <p>One test per id rather than a {@code @ParameterizedTest}: in-container, Arquillian's JUnit 5
 * support runs every invocation for each one and reports them mixed up (arquillian-core #771).
 */
@ExtendWith(ArquillianExtension.class)
class SessionIdEncodingIT extends InContainerTest {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("session-id-encoding");
    }

    @Test
    void aSlashStaysInsideTheSegment() {
        assertOneSegmentAndNothingRevoked("a/b");
    }

    @Test
    void aLeadingParentSegmentStaysInsideTheSegment() {
        assertOneSegmentAndNothingRevoked("../x");
    }

    @Test
    void anIdThatClimbsToLogoutAllRevokesNothing() {
        assertOneSegmentAndNothingRevoked("../../logout-all");
    }

    @Test
    void aMatrixParameterSeparatorStaysInsideTheSegment() {
        // "..;" is how a path-parameter-aware server is tricked into a parent segment.
        assertOneSegmentAndNothingRevoked("..;/logout-all");
    }

    @Test
    void aPercentSignIsSentEncoded() {
        assertOneSegmentAndNothingRevoked("50%");
    }

    @Test
    void anAlreadyEncodedDotSegmentIsEncodedAgain() {
        assertOneSegmentAndNothingRevoked("%2e%2e");
    }

    @Test
    void queryAndFragmentCharactersStayInsideTheSegment() {
        assertOneSegmentAndNothingRevoked("x?y=1#z");
    }

    @Test
    void aDotIsNotFoundBeforeAnyIdpCall() {
        assertNotFoundBeforeTheIdp(".");
    }

    @Test
    void twoDotsAreNotFoundBeforeAnyIdpCall() {
        assertNotFoundBeforeTheIdp("..");
    }

    @Test
    void aNullEmptyOrBlankIdIsNotFoundBeforeAnyIdpCall() {
        assertAll(
                () -> assertNotFoundBeforeTheIdp(null),
                () -> assertNotFoundBeforeTheIdp(""),
                () -> assertNotFoundBeforeTheIdp("  "));
    }

    /**
     * Revokes {@code id} for a user with two sessions. The stand-in routes on raw segments and
     * records the decoded id of a revoke call, so a recorded id equal to {@code id} means it
     * arrived as one segment, neither split nor normalised.
     */
    private void assertOneSegmentAndNothingRevoked(String id) {
        NewSession user = idp.newUser();
        NewSession otherDevice = idp.anotherSession(user.userId());
        HttpServletRequest request = Requests.bearer(current, user.accessToken());
        int before = idp.requests().size();

        SessionNotFoundException e = assertThrows(SessionNotFoundException.class, () -> sessions.revoke(request, id));

        List<JsonObject> received = idp.requestsAfter(before);
        assertEquals(1, received.size(), "requests the stand-in received");
        JsonObject call = received.get(0);
        assertAll(
                () -> assertEquals("POST", text(call, "method")),
                () -> assertEquals(id, text(call, "sessionId"), "decoded id at the IdP; raw path " + text(call, "path")),
                () -> assertTrue(text(call, "path").startsWith("/oauth/sessions/"), text(call, "path")),
                () -> assertEquals(null, text(call, "query"), "query at the IdP"),
                () -> assertEquals(404, e.getStatus()),
                () -> assertEquals(OptionalInt.of(404), e.getIdpStatus()),
                () -> assertEquals(List.of("Session not found"), e.getIdpMessages()),
                () -> assertFalse(idp.isRevoked(user.sessionId()), "the caller's session was revoked"),
                () -> assertFalse(idp.isRevoked(otherDevice.sessionId()), "the caller's other session was revoked"),
                () -> assertEquals(2, sessions.list(request).count(), "the caller's live sessions"));
    }

    private void assertNotFoundBeforeTheIdp(String id) {
        NewSession user = idp.newUser();
        HttpServletRequest request = Requests.bearer(current, user.accessToken());
        int before = idp.requests().size();

        SessionNotFoundException e = assertThrows(SessionNotFoundException.class, () -> sessions.revoke(request, id),
                "revoke(\"" + id + "\")");

        assertEquals(404, e.getStatus());
        assertEquals(OptionalInt.empty(), e.getIdpStatus());
        assertEquals(List.of(), e.getIdpMessages());
        assertEquals(before, idp.requests().size(), "no request may reach the IdP for \"" + id + "\"");
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    /** A string field of a recorded request; null when it is JSON null. */
    private static String text(JsonObject request, String key) {
        return request.isNull(key) ? null : request.getString(key);
    }
}
