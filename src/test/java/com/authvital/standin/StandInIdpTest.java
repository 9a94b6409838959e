package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The stand-in IdP answers like the real one: each test drives it over HTTP and asserts the
 * status and JSON the contract gives. One instance serves all tests; each test makes its own users.
 */
class StandInIdpTest {

    private static final String JSON = "application/json; charset=utf-8";

    private static StandInIdp idp;
    private static IdpHttp http;

    @BeforeAll
    static void start() {
        idp = StandInIdp.start(0, "test-app");
        http = new IdpHttp(idp);
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static String problem(int status, String message, String error) {
        return "{\"statusCode\":" + status + ",\"message\":\"" + message + "\",\"error\":\"" + error + "\"}";
    }

    private static boolean revoked(String sessionId) {
        return http.send("GET", "/dev/sessions/" + sessionId, null).json().getBoolean("revoked");
    }

    @Nested
    class Discovery {

        /** The JWKS holds only the public key, and that key verifies a minted access token. */
        @Test
        void jwksPublishesOnlyThePublicKeyThatVerifiesAccessTokens() throws Exception {
            IdpHttp.NewSession user = http.newUser();
            IdpHttp.Answer jwks = http.send("GET", "/.well-known/jwks.json", null);

            assertEquals(200, jwks.status());
            assertEquals(JSON, jwks.contentType());
            JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
            assertEquals("RSA", key.getString("kty"));
            assertEquals("sig", key.getString("use"));
            assertEquals("RS256", key.getString("alg"));
            assertEquals("AQAB", key.getString("e"));
            for (String secret : List.of("d", "p", "q", "dp", "dq", "qi")) {
                assertFalse(key.containsKey(secret), "private part " + secret + " published");
            }
            RSAKey publicKey = (RSAKey) JWKSet.parse(jwks.body()).getKeys().get(0);
            SignedJWT token = SignedJWT.parse(user.accessToken());
            assertEquals(key.getString("kid"), token.getHeader().getKeyID());
            assertTrue(token.verify(new RSASSAVerifier(publicKey)));
            JWTClaimsSet claims = token.getJWTClaimsSet();
            assertEquals(idp.baseUrl(), claims.getIssuer());
            assertEquals(List.of("test-app"), claims.getAudience());
            assertEquals(user.userId(), claims.getSubject());
            assertEquals("openid profile email", claims.getClaim("scope"));
            assertNull(claims.getClaim("sid"), "access tokens carry no session id");
        }

        /** Discovery names the issuer and absolute endpoint URLs on the base URL. */
        @Test
        void openidConfigurationNamesAbsoluteEndpoints() {
            IdpHttp.Answer answer = http.send("GET", "/.well-known/openid-configuration", null);

            assertEquals(200, answer.status());
            JsonObject config = answer.json();
            assertEquals(idp.baseUrl(), config.getString("issuer"));
            assertEquals(idp.baseUrl() + "/.well-known/jwks.json", config.getString("jwks_uri"));
            assertEquals(idp.baseUrl() + "/oauth/logout", config.getString("end_session_endpoint"));
            assertEquals(idp.baseUrl() + "/oauth/token", config.getString("token_endpoint"));
        }
    }

    @Nested
    class ListSessions {

        /** Only the caller's live sessions are listed, newest first, with null fields present. */
        @Test
        void listsTheCallersLiveSessionsNewestFirst() {
            IdpHttp.NewSession newest = http.session("{\"createdAt\":\"2026-11-27T10:00:00.000Z\","
                    + "\"expiresAt\":\"2099-01-01T00:00:00.000Z\"}");
            String user = newest.userId();
            IdpHttp.NewSession oldest = http.session("{\"userId\":\"" + user + "\","
                    + "\"createdAt\":\"2026-11-25T10:00:00Z\","
                    + "\"expiresAt\":\"2099-01-01T00:00:00Z\",\"userAgent\":\"Firefox\",\"ipAddress\":\"10.0.0.1\","
                    + "\"tenant\":\"acme\"}");
            http.session("{\"userId\":\"" + user + "\",\"createdAt\":\"2020-01-01T00:00:00Z\","
                    + "\"expiresAt\":\"2020-01-08T00:00:00Z\"}"); // expired
            IdpHttp.NewSession revoked = http.session("{\"userId\":\"" + user + "\"}");
            http.bearer("POST", "/oauth/sessions/" + revoked.sessionId() + "/revoke", newest.accessToken(), null);
            http.newUser(); // someone else

            IdpHttp.Answer answer = http.bearer("GET", "/oauth/sessions", newest.accessToken(), null);

            assertEquals(200, answer.status());
            assertEquals(JSON, answer.contentType());
            assertEquals("{\"sessions\":[{\"id\":\"" + newest.sessionId() + "\","
                    + "\"createdAt\":\"2026-11-27T10:00:00.000Z\",\"expiresAt\":\"2099-01-01T00:00:00.000Z\","
                    + "\"userAgent\":null,\"ipAddress\":null,\"tenant\":null},"
                    + "{\"id\":\"" + oldest.sessionId() + "\",\"createdAt\":\"2026-11-25T10:00:00.000Z\","
                    + "\"expiresAt\":\"2099-01-01T00:00:00.000Z\",\"userAgent\":\"Firefox\",\"ipAddress\":\"10.0.0.1\","
                    + "\"tenant\":\"acme\"}],\"count\":2}", answer.body());
        }

        /** With application_id only that application's sessions are listed. */
        @Test
        void filtersByApplicationId() {
            IdpHttp.NewSession first = http.newUser();
            IdpHttp.NewSession other = http.session("{\"userId\":\"" + first.userId() + "\","
                    + "\"applicationId\":\"other app\"}");

            IdpHttp.Answer answer = http.bearer("GET", "/oauth/sessions?application_id=other%20app",
                    first.accessToken(), null);

            assertEquals(200, answer.status());
            assertEquals(1, answer.json().getInt("count"));
            assertEquals(other.sessionId(), answer.json().getJsonArray("sessions").getJsonObject(0).getString("id"));
            assertEquals(2, http.bearer("GET", "/oauth/sessions", first.accessToken(), null).json().getInt("count"));
        }
    }

    @Nested
    class RevokeOne {

        /** Revoking a live session succeeds once; the second time reports success false. */
        @Test
        void revokesOnceThenReportsAlreadyRevoked() {
            IdpHttp.NewSession user = http.newUser();
            String path = "/oauth/sessions/" + user.sessionId() + "/revoke";

            IdpHttp.Answer first = http.bearer("POST", path, user.accessToken(), null);
            IdpHttp.Answer second = http.bearer("POST", path, user.accessToken(), null);

            assertEquals(200, first.status());
            assertEquals("{\"success\":true,\"message\":\"Session revoked successfully\"}", first.body());
            assertEquals(200, second.status());
            assertEquals("{\"success\":false,\"message\":\"Session not found or already revoked\"}", second.body());
            assertTrue(revoked(user.sessionId()));
        }

        /** An unknown session id is the IdP's 404 body. */
        @Test
        void unknownSessionIsNotFound() {
            IdpHttp.Answer answer = http.bearer("POST", "/oauth/sessions/no-such-session/revoke",
                    http.newUser().accessToken(), null);

            assertEquals(404, answer.status());
            assertEquals(JSON, answer.contentType());
            assertEquals(problem(404, "Session not found", "Not Found"), answer.body());
        }

        /** Another user's session is a 401 and stays live. */
        @Test
        void anotherUsersSessionIsRefusedAndStaysLive() {
            IdpHttp.NewSession victim = http.newUser();

            IdpHttp.Answer answer = http.bearer("POST", "/oauth/sessions/" + victim.sessionId() + "/revoke",
                    http.newUser().accessToken(), null);

            assertEquals(401, answer.status());
            assertEquals(problem(401, "Cannot revoke another user's session", "Unauthorized"), answer.body());
            assertFalse(revoked(victim.sessionId()));
        }
    }

    @Nested
    class LogoutAll {

        /** logout-all revokes the caller's live sessions, optionally of one application, and clears cookies. */
        @Test
        void revokesTheCallersSessionsAndCountsThem() {
            IdpHttp.NewSession user = http.newUser();
            http.session("{\"userId\":\"" + user.userId() + "\"}");
            IdpHttp.NewSession otherApp = http.session("{\"userId\":\"" + user.userId() + "\","
                    + "\"applicationId\":\"x\"}");
            IdpHttp.NewSession bystander = http.newUser();

            IdpHttp.Answer appOnly = http.bearer("POST", "/oauth/logout-all", user.accessToken(),
                    "{\"application_id\":\"x\"}");
            IdpHttp.Answer rest = http.bearer("POST", "/oauth/logout-all", user.accessToken(), "");
            IdpHttp.Answer none = http.bearer("POST", "/oauth/logout-all", user.accessToken(), "{}");

            assertEquals(200, appOnly.status());
            assertEquals("{\"success\":true,\"message\":\"Revoked 1 session(s)\",\"count\":1}", appOnly.body());
            assertTrue(revoked(otherApp.sessionId()));
            assertEquals("{\"success\":true,\"message\":\"Revoked 2 session(s)\",\"count\":2}", rest.body());
            assertEquals(0, none.json().getInt("count"));
            assertFalse(revoked(bystander.sessionId()));
            assertCookiesCleared(rest);
        }

        /** A malformed JSON body, trailing content or a bare scalar included, is the IdP's 400. */
        @Test
        void malformedBodyIsBadRequest() {
            String token = http.newUser().accessToken();

            for (String body : List.of("{nope", "{} x", "\"x\"")) {
                IdpHttp.Answer answer = http.bearer("POST", "/oauth/logout-all", token, body);
                assertEquals(400, answer.status(), body);
                assertEquals(problem(400, "Invalid JSON body", "Bad Request"), answer.body());
            }
        }
    }

    static void assertCookiesCleared(IdpHttp.Answer answer) {
        List<String> cookies = answer.cookies();
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("access_token=;") && c.contains("Max-Age=0")
                && c.contains("Path=/")), cookies::toString);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("refresh_token=;") && c.contains("Max-Age=0")
                && c.contains("Path=/")), cookies::toString);
    }

    @Nested
    class Logout {

        /** The four answers: revoked, no token, invalid token, already revoked. */
        @Test
        void answersTheContractsFourOutcomes() {
            IdpHttp.NewSession user = http.newUser();
            String body = "{\"refresh_token\":\"" + user.refreshToken() + "\"}";

            IdpHttp.Answer revokedNow = http.send("POST", "/oauth/logout", body, "Content-Type", "application/json");
            IdpHttp.Answer noToken = http.send("POST", "/oauth/logout", "{}");
            IdpHttp.Answer garbage = http.send("POST", "/oauth/logout", "{\"refresh_token\":\"garbage\"}");
            IdpHttp.Answer again = http.send("POST", "/oauth/logout", body);

            assertEquals(200, revokedNow.status());
            assertEquals("{\"success\":true,\"message\":\"Session revoked successfully\"}", revokedNow.body());
            assertTrue(revoked(user.sessionId()));
            assertCookiesCleared(revokedNow);
            assertEquals("{\"success\":true,\"message\":\"Logged out (no active session)\"}", noToken.body());
            assertEquals("{\"success\":true,\"message\":\"Logged out\"}", garbage.body());
            assertEquals("{\"success\":false,\"message\":\"Session not found or already revoked\"}", again.body());
        }

        /** Without a body the IdP's own refresh_token cookie is used. */
        @Test
        void readsTheRefreshTokenCookie() {
            IdpHttp.NewSession user = http.newUser();

            IdpHttp.Answer answer = http.send("POST", "/oauth/logout", null,
                    "Cookie", "theme=dark; refresh_token=" + user.refreshToken());

            assertEquals("{\"success\":true,\"message\":\"Session revoked successfully\"}", answer.body());
            assertTrue(revoked(user.sessionId()));
        }
    }

    @Nested
    class Bearer {

        /** No Authorization header is the IdP's exact 401 body. */
        @Test
        void missingTokenIsUnauthorized() {
            IdpHttp.Answer answer = http.send("GET", "/oauth/sessions", null);

            assertEquals(401, answer.status());
            assertEquals(JSON, answer.contentType());
            assertEquals(problem(401, "No access token provided", "Unauthorized"), answer.body());
        }

        /** Garbage, expired, or signed by another key: the IdP's exact 401 body. */
        @Test
        void unusableTokenIsUnauthorized() {
            IdpHttp.NewSession user = http.newUser();
            Session session = idp.store().session(user.sessionId()).orElseThrow();
            User owner = idp.store().user(user.userId()).orElseThrow();
            String expired = idp.tokens().accessToken(owner, session, Instant.now().minus(Duration.ofHours(2)));
            String foreign;
            try (StandInIdp other = StandInIdp.start(0, "test-app")) {
                foreign = new IdpHttp(other).newUser().accessToken();
            }
            String expected = problem(401, "Invalid or expired access token", "Unauthorized");

            for (String token : List.of("garbage", expired, foreign)) {
                IdpHttp.Answer answer = http.bearer("GET", "/oauth/sessions", token, null);
                assertEquals(401, answer.status());
                assertEquals(expected, answer.body());
            }
        }

        /** Like the real guard, a refresh token is accepted as a bearer token. */
        @Test
        void refreshTokenIsAcceptedAsBearer() {
            IdpHttp.NewSession user = http.newUser();

            IdpHttp.Answer answer = http.bearer("GET", "/oauth/sessions", user.refreshToken(), null);

            assertEquals(200, answer.status());
            assertEquals(1, answer.json().getInt("count"));
        }
    }

    @Nested
    class RawPaths {

        /** An id sent as a%2Fb is looked up as a/b, and recorded raw and decoded, without the token. */
        @Test
        void encodedSessionIdIsDecodedOnce() {
            IdpHttp.NewSession user = http.newUser();

            IdpHttp.Answer answer = http.bearer("POST", "/oauth/sessions/a%2Fb/revoke", user.accessToken(), null);

            assertEquals(404, answer.status());
            assertEquals(problem(404, "Session not found", "Not Found"), answer.body());
            IdpHttp.Answer log = http.send("GET", "/dev/requests", null);
            assertFalse(log.body().contains(user.accessToken()), "the log holds a token");
            JsonObject recorded = log.json().getJsonArray("requests").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getString("path").equals("/oauth/sessions/a%2Fb/revoke"))
                    .filter(r -> user.userId().equals(r.getString("userId", null)))
                    .findFirst().orElseThrow();
            assertEquals("POST", recorded.getString("method"));
            assertEquals("a/b", recorded.getString("sessionId"));
            assertTrue(recorded.getBoolean("authorization"));
            assertTrue(recorded.isNull("query"));
            assertTrue(recorded.isNull("body"));
        }

        /** A path that is not exactly /oauth/sessions/{one segment}/revoke is NestJS's 404. */
        @Test
        void unmatchedPathsAreNestNotFound() {
            String token = http.newUser().accessToken();

            IdpHttp.Answer split = http.bearer("POST", "/oauth/sessions/a/b/revoke", token, null);
            IdpHttp.Answer unknown = http.send("GET", "/nope?x=1", null);

            assertEquals(404, split.status());
            assertEquals(problem(404, "Cannot POST /oauth/sessions/a/b/revoke", "Not Found"), split.body());
            assertEquals(problem(404, "Cannot GET /nope?x=1", "Not Found"), unknown.body());
        }

        /** A token in a query (the browser logout's id_token_hint) is never recorded. */
        @Test
        void tokensInQueriesAreRedacted() {
            IdpHttp.NewSession user = http.newUser();

            IdpHttp.Answer logout = http.send("GET", "/oauth/logout?id_token_hint=" + user.accessToken()
                    + "&state=s1&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9080%2Fbye", null);
            IdpHttp.Answer log = http.send("GET", "/dev/requests", null);

            assertEquals(302, logout.status());
            assertEquals("http://127.0.0.1:9080/bye?state=s1", logout.headers().firstValue("Location").orElseThrow());
            assertFalse(log.body().contains(user.accessToken()), "the log holds a token");
            assertTrue(log.body().contains("\"query\":\"id_token_hint=[redacted]&state=s1&post_logout_redirect_uri="),
                    log.body());
        }

        /** logout-all's body is recorded parsed; the query of a list call is recorded raw. */
        @Test
        void recordsLogoutAllBodyAndListQuery() {
            IdpHttp.NewSession user = http.newUser();
            http.bearer("GET", "/oauth/sessions?application_id=x", user.accessToken(), null);
            http.bearer("POST", "/oauth/logout-all", user.accessToken(), "{\"application_id\":\"x\"}");

            List<JsonObject> mine = http.send("GET", "/dev/requests", null).json().getJsonArray("requests")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(r -> user.userId().equals(r.getString("userId", null)))
                    .collect(Collectors.toList());

            assertEquals(2, mine.size());
            assertEquals("application_id=x", mine.get(0).getString("query"));
            assertTrue(mine.get(0).getInt("seq") < mine.get(1).getInt("seq"));
            assertEquals("x", mine.get(1).getJsonObject("body").getString("application_id"));
        }
    }

    @Nested
    class InjectedFaults {

        /** A user's fault delays and replaces bearer answers, without holding up other users. */
        @Test
        void delayAndStatusReplaceTheAnswer() {
            IdpHttp.NewSession slow = http.newUser();
            IdpHttp.NewSession other = http.newUser();
            IdpHttp.Answer put = http.send("PUT", "/dev/users/" + slow.userId() + "/fault",
                    "{\"delayMs\":800,\"status\":502,\"contentType\":\"text/html\","
                            + "\"body\":\"<html>Bad Gateway</html>\"}");
            assertEquals(204, put.status());

            long start = System.nanoTime();
            CompletableFuture<IdpHttp.Answer> faulty = CompletableFuture.supplyAsync(
                    () -> http.bearer("GET", "/oauth/sessions", slow.accessToken(), null));
            IdpHttp.Answer meanwhile = http.bearer("GET", "/oauth/sessions", other.accessToken(), null);
            boolean slowStillPending = !faulty.isDone();
            IdpHttp.Answer answer = faulty.join();
            long faultyMs = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals(200, meanwhile.status());
            assertTrue(slowStillPending, "another user's call waited for the slow one");
            assertEquals(502, answer.status());
            assertEquals("text/html", answer.contentType());
            assertEquals("<html>Bad Gateway</html>", answer.body());
            assertTrue(faultyMs >= 800, "answered after " + faultyMs + " ms");

            assertEquals(204, http.send("DELETE", "/dev/users/" + slow.userId() + "/fault", null).status());
            assertEquals(200, http.bearer("GET", "/oauth/sessions", slow.accessToken(), null).status());
        }
    }

    @Nested
    class DevApi {

        /** The demo sign-in sets both cookies and redirects to a loopback URL; the user has three sessions. */
        @Test
        void demoLoginSetsCookiesAndRedirects() {
            IdpHttp.Answer answer = http.send("GET", "/dev/login?redirect=http%3A%2F%2F127.0.0.1%3A9080%2Fdemo", null,
                    "User-Agent", "JUnit browser");

            assertEquals(303, answer.status());
            assertEquals("http://127.0.0.1:9080/demo", answer.headers().firstValue("Location").orElseThrow());
            String access = answer.cookies().stream().filter(c -> c.startsWith("access_token="))
                    .findFirst().orElseThrow();
            assertTrue(access.endsWith("; Path=/; HttpOnly; SameSite=Lax"), access);
            String token = access.substring("access_token=".length(), access.indexOf(';'));
            JsonObject list = http.bearer("GET", "/oauth/sessions", token, null).json();
            assertEquals(3, list.getInt("count"));
            assertEquals("JUnit browser", list.getJsonArray("sessions").getJsonObject(0).getString("userAgent"));
        }

        /** A redirect off loopback is not followed: the sign-in page is shown instead. */
        @Test
        void demoLoginRefusesForeignRedirects() {
            IdpHttp.Answer answer = http.send("GET", "/dev/login?redirect=%2F%2Fevil.example", null);

            assertEquals(200, answer.status());
            assertTrue(answer.body().contains("Signed in as Demo User"), answer.body());
        }

        /** The refresh grant answers new tokens for a live session and invalid_grant once it is revoked. */
        @Test
        void refreshGrantFollowsTheSession() {
            IdpHttp.NewSession user = http.newUser();
            String form = "grant_type=refresh_token&client_id=test-app&refresh_token=" + user.refreshToken();

            IdpHttp.Answer fresh = http.send("POST", "/oauth/token", form,
                    "Content-Type", "application/x-www-form-urlencoded");
            http.bearer("POST", "/oauth/sessions/" + user.sessionId() + "/revoke", user.accessToken(), null);
            IdpHttp.Answer refused = http.send("POST", "/oauth/token", form,
                    "Content-Type", "application/x-www-form-urlencoded");

            assertEquals(200, fresh.status());
            assertEquals("Bearer", fresh.json().getString("token_type"));
            assertEquals(3600, fresh.json().getInt("expires_in"));
            assertEquals(400, refused.status());
            assertEquals("invalid_grant", refused.json().getString("error"));
        }
    }
}
