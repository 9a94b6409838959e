package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /oauth/token} with {@code grant_type=refresh_token}: rotation to a new session on
 * every refresh, strict reuse detection with family revocation, the reuse interval, the
 * {@code interaction_required} switch, and what {@code /dev/token-stats} counts.
 */
class RefreshRotationTest {

    @RegisterExtension
    static final RunningStandIn standIn = new RunningStandIn();

    @BeforeAll
    static void setUp() {
        // More refreshes than the IdP's 30 a minute: this class tests rotation, not the limit.
        standIn.http().send("PUT", "/dev/settings", "{\"tokenRequestsPerMinute\":0}");
    }

    private static IdpHttp.Answer refresh(String refreshToken, String clientId) {
        return standIn.http().form("/oauth/token", "grant_type=refresh_token&client_id=" + clientId
                + "&refresh_token=" + refreshToken);
    }

    private static IdpHttp.Answer refresh(String refreshToken) {
        return refresh(refreshToken, "test-app");
    }

    private static String sid(String refreshToken) throws Exception {
        return SignedJWT.parse(refreshToken).getJWTClaimsSet().getStringClaim("sid");
    }

    private static JsonObject session(String sessionId) {
        return standIn.http().send("GET", "/dev/sessions/" + sessionId, null).json();
    }

    private static String problem(String message) {
        return "{\"statusCode\":401,\"message\":\"" + message + "\",\"error\":\"Unauthorized\"}";
    }

    private static int stat(String userId, String counter) {
        return standIn.http().send("GET", "/dev/token-stats?userId=" + userId, null).json().getInt(counter);
    }

    /** Every refresh revokes the session as ROTATED and answers tokens of a new session with a new id. */
    @Test
    void everyRefreshRotatesToANewSession() throws Exception {
        IdpHttp.NewSession user = standIn.http().newUser();

        IdpHttp.Answer first = refresh(user.refreshToken());
        String firstToken = first.json().getString("refresh_token");
        IdpHttp.Answer second = refresh(firstToken);

        assertEquals(200, first.status(), first.body());
        assertEquals(Set.of("access_token", "token_type", "expires_in", "refresh_token", "scope"), first.json().keySet());
        String firstSid = sid(firstToken);
        assertNotEquals(user.sessionId(), firstSid);
        JsonObject old = session(user.sessionId());
        assertTrue(old.getBoolean("revoked"));
        assertEquals("ROTATED", old.getString("revokedReason"));
        assertEquals(firstSid, old.getString("replacedBy"));
        assertEquals(200, second.status(), second.body());
        String secondSid = sid(second.json().getString("refresh_token"));
        assertNotEquals(firstSid, secondSid);
        List<JsonObject> listed = standIn.http().bearer("GET", "/oauth/sessions", second.json().getString("access_token"), null)
                .json().getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(List.of(secondSid), listed.stream().map(s -> s.getString("id")).collect(Collectors.toList()));
        assertTrue(listed.get(0).isNull("userAgent") && listed.get(0).isNull("ipAddress"));
        assertEquals(2, stat(user.userId(), "refreshes"));
    }

    /** A rotated token presented again revokes every session of the user on the client: 401 "Session has been revoked". */
    @Test
    void aRotatedTokenPresentedAgainRevokesTheWholeFamily() throws Exception {
        IdpHttp.NewSession user = standIn.http().newUser();
        IdpHttp.NewSession otherDevice = standIn.http().session("{\"userId\":\"" + user.userId() + "\"}");
        IdpHttp.NewSession otherApp = standIn.http().session("{\"userId\":\"" + user.userId() + "\",\"applicationId\":\"other\"}");
        String rotated = refresh(user.refreshToken()).json().getString("refresh_token");

        IdpHttp.Answer reuse = refresh(user.refreshToken());

        assertEquals(problem("Session has been revoked"), reuse.body());
        for (String sessionId : List.of(sid(rotated), otherDevice.sessionId())) {
            assertEquals("REUSE_DETECTED", session(sessionId).getString("revokedReason"));
        }
        assertFalse(session(otherApp.sessionId()).getBoolean("revoked"), "another client's session stays");
        assertEquals(problem("Session has been revoked"), refresh(rotated).body());
        assertEquals(1, stat(user.userId(), "familyRevocations"));
    }

    /** Of concurrent refreshes of one token exactly one gets new tokens; the others are 401 and revoke the family. */
    @Test
    void concurrentRefreshesOfOneTokenHaveOneWinner() throws Exception {
        IdpHttp.NewSession user = standIn.http().newUser();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<IdpHttp.Answer>> racing = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return refresh(user.refreshToken());
                }))
                .collect(Collectors.toList());

        go.countDown();
        List<IdpHttp.Answer> answers = racing.stream().map(CompletableFuture::join).collect(Collectors.toList());

        List<IdpHttp.Answer> won = answers.stream().filter(a -> a.status() == 200).collect(Collectors.toList());
        assertEquals(1, won.size(), answers.toString());
        for (IdpHttp.Answer lost : answers) {
            assertTrue(lost == won.get(0) || lost.body().equals(problem("Invalid refresh token"))
                    || lost.body().equals(problem("Session has been revoked")), lost.body());
        }
        assertTrue(session(sid(won.get(0).json().getString("refresh_token"))).getBoolean("revoked"),
                "the winner's new session goes with the family");
        assertTrue(stat(user.userId(), "familyRevocations") >= 1);
    }

    /** Within the client's rotation reuse interval the rotated token gets the new session's tokens, and nothing is revoked. */
    @Test
    void withinTheReuseIntervalTheRotatedTokenGetsTheNewSession() throws Exception {
        standIn.http().send("PUT", "/dev/clients/grace-app", "{\"rotationReuseIntervalSeconds\":30}");
        IdpHttp.NewSession user = standIn.http().session("{\"applicationId\":\"grace-app\"}");
        String rotated = refresh(user.refreshToken(), "grace-app").json().getString("refresh_token");

        IdpHttp.Answer again = refresh(user.refreshToken(), "grace-app");

        assertEquals(200, again.status(), again.body());
        assertEquals(sid(rotated), sid(again.json().getString("refresh_token")));
        assertFalse(session(sid(rotated)).getBoolean("revoked"));
        assertEquals(0, stat(user.userId(), "familyRevocations"));
    }

    /** Refusals that are no reuse answer the contract's words and revoke nothing. */
    @Test
    void otherRefusalsAnswerTheContractsWordsAndRevokeNothing() {
        IdpHttp.NewSession user = standIn.http().newUser();
        IdpHttp.NewSession loggedOut = standIn.http().session("{\"userId\":\"" + user.userId() + "\"}");
        standIn.http().send("POST", "/oauth/logout", "{\"refresh_token\":\"" + loggedOut.refreshToken() + "\"}");
        Instant past = Instant.now().minus(Duration.ofDays(1));
        IdpHttp.NewSession expired = standIn.http().session("{\"userId\":\"" + user.userId() + "\",\"createdAt\":\""
                + past.minus(Duration.ofDays(8)) + "\",\"expiresAt\":\"" + past + "\"}");

        assertEquals(problem("Client ID mismatch"), refresh(user.refreshToken(), "other-app").body());
        assertEquals(problem("Invalid refresh token"), refresh("garbage").body());
        assertEquals(problem("Invalid refresh token"), refresh(user.accessToken()).body());
        assertEquals(problem("Session has been revoked"), refresh(loggedOut.refreshToken()).body());
        assertEquals(problem("Session expired"), refresh(expired.refreshToken()).body());
        assertEquals("{\"statusCode\":400,\"message\":\"Missing refresh_token parameter\",\"error\":\"Bad Request\"}",
                standIn.http().form("/oauth/token", "grant_type=refresh_token&client_id=test-app").body());
        assertFalse(session(user.sessionId()).getBoolean("revoked"));
        assertEquals(0, stat(user.userId(), "familyRevocations"));
    }

    /** The interaction_required switch, for one user or everyone, answers OAuth's 401 and rotates nothing. */
    @Test
    void interactionRequiredAnswersOAuthsErrorUntilSwitchedOff() {
        IdpHttp.NewSession user = standIn.http().newUser();
        IdpHttp.NewSession other = standIn.http().newUser();
        String expected = "{\"error\":\"interaction_required\",\"error_description\":\"MFA enrollment required by tenant policy\"}";

        assertEquals(204, standIn.http().send("PUT", "/dev/users/" + user.userId() + "/interaction-required", null).status());
        IdpHttp.Answer refused = refresh(user.refreshToken());
        IdpHttp.Answer otherUser = refresh(other.refreshToken());
        standIn.http().send("DELETE", "/dev/users/" + user.userId() + "/interaction-required", null);
        standIn.http().send("PUT", "/dev/interaction-required", null);
        IdpHttp.Answer everyone = refresh(otherUser.json().getString("refresh_token"));
        standIn.http().send("DELETE", "/dev/interaction-required", null);

        assertEquals(401, refused.status());
        assertEquals(expected, refused.body());
        assertFalse(session(user.sessionId()).getBoolean("revoked"));
        assertEquals(200, otherUser.status(), "another user is not concerned");
        assertEquals(expected, everyone.body());
        assertEquals(200, refresh(user.refreshToken()).status(), "switched off");
    }

    /** The access-token lifetime setting gives expires_in and the token's exp. */
    @Test
    void theAccessTokenLifetimeSettingGivesExpiresIn() throws Exception {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            IdpHttp.Answer set = client.send("PUT", "/dev/settings", "{\"accessTokenLifetimeSeconds\":60}");
            IdpHttp.NewSession user = client.newUser();

            JsonObject tokens = client.form("/oauth/token", "grant_type=refresh_token&client_id=test-app&refresh_token="
                    + user.refreshToken()).json();

            assertEquals("{\"accessTokenLifetimeSeconds\":60,\"tokenRequestsPerMinute\":30,\"otherRequestsPerMinute\":0}",
                    set.body());
            assertEquals(60, tokens.getInt("expires_in"));
            JWTClaimsSet access = SignedJWT.parse(tokens.getString("access_token")).getJWTClaimsSet();
            assertEquals(Duration.ofSeconds(60), Duration.between(access.getIssueTime().toInstant(),
                    access.getExpirationTime().toInstant()));
        }
    }

    /** The token fault answers instead of the endpoint (a 429 with Retry-After here) and the session is not rotated. */
    @Test
    void theTokenFaultAnswersInsteadAndRotatesNothing() {
        IdpHttp.NewSession user = standIn.http().newUser();
        String throttled = "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}";
        try {
            assertEquals(204, standIn.http().send("PUT", "/dev/token/fault", "{\"status\":429,\"retryAfterSeconds\":7,"
                    + "\"contentType\":\"application/json\",\"body\":" + jsonString(throttled) + "}").status());
            IdpHttp.Answer answer = refresh(user.refreshToken());

            assertEquals(429, answer.status());
            assertEquals(List.of("7"), answer.headers().allValues("Retry-After"));
            assertEquals(throttled, answer.body());
            assertFalse(session(user.sessionId()).getBoolean("revoked"));
            assertEquals(1, stat(user.userId(), "refreshRequests"));
            assertEquals(0, stat(user.userId(), "refreshes"));
        } finally {
            standIn.http().send("DELETE", "/dev/token/fault", null);
        }
        assertEquals(200, refresh(user.refreshToken()).status());
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
