package com.authvital.jakarta.internal.jaxrs;

import com.authvital.jakarta.AccessDeniedException;
import com.authvital.jakarta.AuthVitalPrincipal;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.internal.http.BearerChallenge;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.testing.LogRecords;
import com.authvital.testing.ServletFakes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.StringReader;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the module's JAX-RS exception mapper answers each exception, and what it logs. */
class ErrorAnswerTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJl";

    /** A GET of /app/callback whose caller is {@code caller}, or nobody. */
    private static HttpServletRequest callerOf(Principal caller) {
        return new HttpServletRequestWrapper(ServletFakes.request(Map.of(), List.of())) {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }
        };
    }

    private static JsonObject body(ErrorAnswer answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    @Test
    void aMissingTokenIs401WithABearerChallengeAndTheModulesJson() {
        ErrorAnswer answer = ErrorAnswer.of(new NotAuthenticatedException(null, List.of(), Messages.noAccessToken("access_token")),
                callerOf(null));

        assertEquals(401, answer.status());
        assertEquals(Map.of("Cache-Control", "no-store", "WWW-Authenticate", "Bearer realm=\"authvital\""), answer.headers());
        assertEquals("NotAuthenticatedException", body(answer).getString("error"));
        assertTrue(body(answer).getString("message").startsWith("AV1001E: "), answer.body());
    }

    @Test
    void a401ForARequestWhoseTokenWasRefusedEarlierSaysInvalidTokenAndWhy() {
        HttpServletRequest request = ServletFakes.to("GET", "/rest/roles/admin").build();
        BearerChallenge.refused(request, "AV1105E: the token's signature does not verify");

        ErrorAnswer answer = ErrorAnswer.of(new NotAuthenticatedException(null, List.of(), Messages.noAccessToken("access_token")),
                request);

        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"authvital\", error=\"invalid_token\", "
                + "error_description=\"AV1105E: the token's signature does not verify\"", answer.headers().get("WWW-Authenticate"));
    }

    @Test
    void eachExceptionKeepsItsDocumentedStatus() {
        assertEquals(404, ErrorAnswer.of(new SessionNotFoundException(404, List.of(), "AV1103E: gone"), null).status());
        assertEquals(403, ErrorAnswer.of(new AccessDeniedException(null, List.of(), "AV1009E: no"), null).status());
        assertEquals(504, ErrorAnswer.of(new IdpUnavailableException(504, null, List.of(), "AV1202E: slow", null), null)
                .status());
    }

    @Test
    void aRateLimitedIdpsWaitIsRetryAfterInWholeSeconds() {
        ErrorAnswer answer = ErrorAnswer.of(new RateLimitedException(Duration.ofMillis(12_400), List.of(), "AV1213E: wait"),
                null);

        assertEquals(503, answer.status());
        assertEquals("12", answer.headers().get("Retry-After"));
        assertEquals("RateLimitedException", body(answer).getString("error"));
    }

    /**
     * The IdP's address and the connection error are the operator's: not answered, and logged here
     * at DEBUG only; the IdP client logs the outage once (AV1215, IdpLinkTest), not each answer.
     */
    @Test
    void anUnreachableIdpsDetailGoesToTheDebugLogNotTheClient() {
        String detail = Messages.idpUnreachable("GET /oauth/sessions", "https://10.1.2.3:8443", "Connection refused");
        Logger logger = Logger.getLogger(ErrorAnswer.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        try (LogRecords log = LogRecords.of(ErrorAnswer.class)) {
            ErrorAnswer answer = ErrorAnswer.of(new IdpUnavailableException(503, null, List.of(), detail, null), null);

            assertEquals(503, answer.status());
            assertFalse(answer.body().contains("10.1.2.3"), answer.body());
            assertEquals(Messages.idpUnusableForClient(), body(answer).getString("message"));
            assertTrue(log.has(Level.FINE, "10.1.2.3", "Connection refused"), log.toString());
            assertFalse(log.has(Level.WARNING), "one WARNING per answer would be one per request: " + log);
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void a403LogsTheCallersNameAndGroupsAtFineAndNeverTheToken() {
        AuthVitalPrincipal user = new AuthVitalPrincipal(Map.of("sub", "user-42"), TOKEN, Set.of("member", "app:editor"));
        Logger logger = Logger.getLogger(ErrorAnswer.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        try (LogRecords log = LogRecords.of(ErrorAnswer.class)) {
            ErrorAnswer answer = ErrorAnswer.of(new AccessDeniedException(null, List.of(),
                    Messages.roleMissing("AdminService.purge", List.of("app:admin"))), callerOf(user));

            assertEquals(403, answer.status());
            assertFalse(answer.headers().containsKey("WWW-Authenticate"));
            assertTrue(log.has(Level.FINE, "AV1012I: ", "GET /app/callback", "AV1009E: ", "'user-42'",
                    "[app:editor, member]"), log.toString());
            assertFalse(log.toString().contains(TOKEN), log.toString());
            assertFalse(answer.body().contains(TOKEN), answer.body());
        } finally {
            logger.setLevel(before);
        }
    }

    @Test
    void a403WithoutACallerSaysSo() {
        Logger logger = Logger.getLogger(ErrorAnswer.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.FINE);
        try (LogRecords log = LogRecords.of(ErrorAnswer.class)) {
            ErrorAnswer.of(new AccessDeniedException(null, List.of(), "AV1006E: cross-site"), callerOf(null));

            assertTrue(log.has(Level.FINE, "AV1012I: ", "the caller (none) has the groups []"), log.toString());
        } finally {
            logger.setLevel(before);
        }
    }
}
