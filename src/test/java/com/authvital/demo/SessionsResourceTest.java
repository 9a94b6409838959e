package com.authvital.demo;

import com.authvital.jakarta.AuthVitalCookies;
import com.authvital.jakarta.AuthVitalSessions;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RevokeAllResult;
import com.authvital.jakarta.RevokeResult;
import com.authvital.jakarta.Session;
import com.authvital.jakarta.SessionList;
import com.authvital.testing.ServletFakes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A user's unit test of their own resource, the demo's: the module's services stood in for by
 * hand-written fakes of the interfaces, no container, no CDI, no subclass of a module bean.
 */
class SessionsResourceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** The sessions service as the test wants it: two devices, and a record of what was asked. */
    private static final class FakeSessions implements AuthVitalSessions {
        final List<String> calls = new ArrayList<>();
        boolean signedIn = true;

        @Override
        public SessionList list(HttpServletRequest request, HttpServletResponse response, String applicationId) {
            calls.add("list " + applicationId);
            if (!signedIn) {
                throw new NotAuthenticatedException(null, List.of(), "AV1001E: no token");
            }
            return new SessionList(List.of(
                    new Session("s-1", NOW, NOW.plus(Duration.ofDays(7)), "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
                            "203.0.113.7", "acme", true),
                    new Session("s-2", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(6)), null, null, null, false)), 2);
        }

        @Override
        public RevokeResult revoke(HttpServletRequest request, HttpServletResponse response, String sessionId) {
            calls.add("revoke " + sessionId);
            return new RevokeResult(true, "Session revoked successfully");
        }

        @Override
        public RevokeAllResult revokeAll(HttpServletRequest request, HttpServletResponse response, String applicationId) {
            calls.add("revokeAll " + applicationId);
            return new RevokeAllResult(true, "Revoked", 3);
        }

        @Override
        public RevokeAllResult revokeOthers(HttpServletRequest request, HttpServletResponse response) {
            calls.add("revokeOthers");
            return new RevokeAllResult(true, "Revoked", 2);
        }

        @Override
        public RevokeResult logout(String refreshToken) {
            throw new AssertionError("the resource never logs out by token");
        }
    }

    /** The cookie writer, recording which responses it cleared. */
    private static final class FakeCookies implements AuthVitalCookies {
        final List<HttpServletResponse> cleared = new ArrayList<>();

        @Override
        public void setTokens(HttpServletResponse response, String accessToken, Duration accessTokenLifetime,
                              String refreshToken, Duration refreshTokenLifetime) {
            throw new AssertionError("the resource never sets tokens");
        }

        @Override
        public void clear(HttpServletResponse response) {
            cleared.add(response);
        }
    }

    private final FakeSessions sessions = new FakeSessions();
    private final FakeCookies cookies = new FakeCookies();
    private final SessionsResource resource = new SessionsResource(sessions, cookies);
    private final HttpServletRequest request = ServletFakes.request(Map.of(), List.of());
    private final HttpServletResponse response = ServletFakes.response(new ServletFakes.Recorded());

    @Test
    void theDevicesListIsTheSdkExamplesRows() {
        SessionsResource.SessionsView view = resource.list(request);

        assertEquals(List.of("list null"), sessions.calls);
        assertEquals(2, view.total());
        SessionsResource.DeviceView first = view.sessions().get(0);
        assertEquals("s-1", first.id());
        assertEquals("Firefox", first.browser());
        assertEquals("203.0.113.7", first.location());
        assertEquals(true, first.current());
    }

    /** The module's exception goes through untouched: the module's mapper answers it (401). */
    @Test
    void aSignedOutCallerGetsTheModulesException() {
        sessions.signedIn = false;

        assertThrows(NotAuthenticatedException.class, () -> resource.list(request));
    }

    @Test
    void signingOutTheOtherDevicesSaysHowMany() {
        assertEquals(Map.of("message", "Signed out of 2 other devices", "count", 2), resource.signOutOthers(request));
        assertEquals(List.of("revokeOthers"), sessions.calls);
    }

    @Test
    void revokingOneDeviceNamesIt() {
        assertEquals(new RevokeResult(true, "Session revoked successfully"), resource.revoke(request, "s-2"));
        assertEquals(List.of("revoke s-2"), sessions.calls);
    }

    /** This browser's session is among "everywhere": its cookies are cleared on the same response. */
    @Test
    void loggingOutEverywhereClearsThisBrowsersCookies() {
        assertEquals(Map.of("message", "Logged out of 3 devices"), resource.logoutAll(request, response));
        assertEquals(List.of("revokeAll null"), sessions.calls);
        assertEquals(List.of(response), cookies.cleared);
    }
}
