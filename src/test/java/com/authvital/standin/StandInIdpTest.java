package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    private static SignedJWT jwt(String token) throws Exception {
        return SignedJWT.parse(token);
    }

    private static String kid(String token) throws Exception {
        return jwt(token).getHeader().getKeyID();
    }

    /** The token's payload as the JSON text it carries, to tell a number from a string. */
    private static JsonObject payload(String token) throws Exception {
        return Json.createReader(new StringReader(jwt(token).getPayload().toString())).readObject();
    }

    /** The published key with this kid, as the JWKS of {@code client}'s stand-in lists it. */
    private static RSAKey jwksKey(IdpHttp client, String kid) throws Exception {
        return (RSAKey) JWKSet.parse(client.send("GET", "/.well-known/jwks.json", null).body()).getKeyByKeyId(kid);
    }

    /**
     * The token keys the JWKS publishes, in order: every kid but those of the webhook keys
     * ({@code /dev/webhooks/keys}), which the JWKS lists after them.
     */
    private static List<String> jwksKids(IdpHttp client) {
        List<String> webhookKids = strings(client.send("GET", "/dev/webhooks/keys", null).json(), "published");
        return client.send("GET", "/.well-known/jwks.json", null).json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid"))
                .filter(kid -> !webhookKids.contains(kid)).collect(Collectors.toList());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).collect(Collectors.toList());
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
            assertEquals(idp.baseUrl() + "/oauth/authorize", config.getString("authorization_endpoint"));
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
            StoredSession session = idp.store().session(user.sessionId()).orElseThrow();
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

        /** A token in a query (an id_token_hint a client adds to the browser logout) is never recorded. */
        @Test
        void tokensInQueriesAreRedacted() {
            IdpHttp.NewSession user = http.newUser();

            IdpHttp.Answer logout = http.send("GET", "/api/auth/logout/redirect?id_token_hint=" + user.accessToken()
                    + "&state=s1&post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A9080%2Fbye", null);
            IdpHttp.Answer log = http.send("GET", "/dev/requests", null);

            assertEquals(302, logout.status());
            assertEquals("http://127.0.0.1:9080/bye", logout.headers().firstValue("Location").orElseThrow());
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
    class MintedTokens {

        /** By default a minted token is the stored user's normal access token, signed by the current key. */
        @Test
        void defaultIsTheStoredUsersNormalAccessToken() throws Exception {
            IdpHttp.NewSession user = http.newUser();
            String currentKid = http.send("GET", "/dev/keys", null).json().getString("current");

            IdpHttp.Answer answer = http.send("POST", "/dev/tokens", "{\"userId\":\"" + user.userId() + "\"}");

            assertEquals(201, answer.status());
            assertEquals(JSON, answer.contentType());
            assertEquals(Set.of("token"), answer.json().keySet());
            String token = answer.json().getString("token");
            SignedJWT jwt = jwt(token);
            assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
            assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
            assertEquals(currentKid, jwt.getHeader().getKeyID());
            assertTrue(jwt.verify(new RSASSAVerifier(jwksKey(http, currentKid))));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            assertEquals(user.userId(), claims.getSubject());
            assertEquals(idp.baseUrl(), claims.getIssuer());
            assertEquals(List.of("test-app"), claims.getAudience());
            assertEquals("user-" + user.userId().substring(0, 8) + "@example.test", claims.getStringClaim("email"));
            assertEquals("Test", claims.getStringClaim("given_name"));
            assertEquals("openid profile email", claims.getStringClaim("scope"));
            assertNull(claims.getJWTID(), "access tokens carry no jti");
            assertEquals(Duration.ofHours(1), Duration.between(claims.getIssueTime().toInstant(),
                    claims.getExpirationTime().toInstant()));
            assertTrue(Duration.between(claims.getIssueTime().toInstant(), Instant.now()).abs().getSeconds() < 60);
            assertNull(claims.getClaim("sid"));
            assertNull(claims.getClaim("token_type"));
            IdpHttp.Answer list = http.bearer("GET", "/oauth/sessions", token, null);
            assertEquals(200, list.status());
            assertEquals(1, list.json().getInt("count"));
        }

        /** Without userId the token is a new user's, with a UUID subject the bearer guard accepts. */
        @Test
        void withoutUserIdANewUserIsMade() throws Exception {
            String token = http.mint("{}");

            String subject = jwt(token).getJWTClaimsSet().getSubject();
            assertEquals(subject, UUID.fromString(subject).toString());
            IdpHttp.Answer list = http.bearer("GET", "/oauth/sessions", token, null);
            assertEquals(200, list.status());
            assertEquals(0, list.json().getInt("count"));
        }

        /** A minted refresh token carries token_type refresh, the given sid, and lives 7 days. */
        @Test
        void refreshTokenCarriesTokenTypeAndSid() throws Exception {
            JWTClaimsSet given = jwt(http.mint("{\"type\":\"refresh\",\"sessionId\":\"sid-1\"}")).getJWTClaimsSet();
            JWTClaimsSet random = jwt(http.mint("{\"type\":\"refresh\"}")).getJWTClaimsSet();

            assertEquals("refresh", given.getStringClaim("token_type"));
            assertEquals("sid-1", given.getStringClaim("sid"));
            assertEquals(List.of("test-app"), given.getAudience());
            assertEquals(idp.baseUrl(), given.getIssuer());
            assertNull(given.getClaim("email"), "refresh tokens say nothing about the person");
            assertEquals(Duration.ofDays(7), Duration.between(given.getIssueTime().toInstant(),
                    given.getExpirationTime().toInstant()));
            String sid = random.getStringClaim("sid");
            assertEquals(sid, UUID.fromString(sid).toString());
        }

        /** Claims are set exactly as sent (numbers stay numbers), removeClaims go, the rest stays. */
        @Test
        void claimsAreSetAsSentAndRemovedOnRequest() throws Exception {
            String token = http.mint("{\"claims\":{\"exp\":1700000000,\"nbf\":4102444800,\"iat\":1690000000,"
                    + "\"iss\":\"https://other.example\",\"aud\":[\"test-app\",\"other\"],\"token_type\":\"refresh\","
                    + "\"tenant_roles\":[\"owner\",\"admin\"],\"license\":{\"seats\":5}},"
                    + "\"removeClaims\":[\"jti\",\"scope\"]}");

            JsonObject raw = payload(token);
            for (String numeric : List.of("exp", "nbf", "iat")) {
                assertEquals(JsonValue.ValueType.NUMBER, raw.get(numeric).getValueType(), numeric);
            }
            assertEquals(1700000000L, raw.getJsonNumber("exp").longValueExact());
            JWTClaimsSet claims = jwt(token).getJWTClaimsSet();
            assertEquals(Date.from(Instant.ofEpochSecond(1700000000L)), claims.getExpirationTime());
            assertEquals(Date.from(Instant.ofEpochSecond(4102444800L)), claims.getNotBeforeTime());
            assertEquals(Date.from(Instant.ofEpochSecond(1690000000L)), claims.getIssueTime());
            assertEquals("https://other.example", claims.getIssuer());
            assertEquals(List.of("test-app", "other"), claims.getAudience());
            assertEquals("refresh", claims.getStringClaim("token_type"));
            assertEquals(List.of("owner", "admin"), claims.getStringListClaim("tenant_roles"));
            assertEquals(Map.of("seats", 5L), claims.getJSONObjectClaim("license"));
            assertFalse(raw.containsKey("jti"));
            assertFalse(raw.containsKey("scope"));
            assertNotNull(claims.getSubject());
            IdpHttp.Answer refused = http.bearer("GET", "/oauth/sessions", token, null);
            assertEquals(401, refused.status());
            assertEquals(problem(401, "Invalid or expired access token", "Unauthorized"), refused.body());
        }

        /** The header kid can name an unknown key or be left out; the current key still signs. */
        @Test
        void headerKidCanBeReplacedOrLeftOut() throws Exception {
            String currentKid = http.send("GET", "/dev/keys", null).json().getString("current");
            RSASSAVerifier current = new RSASSAVerifier(jwksKey(http, currentKid));

            SignedJWT unknown = jwt(http.mint("{\"kid\":\"no-such-kid\"}"));
            SignedJWT none = jwt(http.mint("{\"kid\":null}"));

            assertEquals("no-such-kid", unknown.getHeader().getKeyID());
            assertTrue(unknown.verify(current));
            assertNull(none.getHeader().getKeyID());
            assertTrue(none.verify(current));
        }

        /** Fields of the wrong type, an unknown type or an unknown keyId are 400s naming the field. */
        @Test
        void badBodiesAreBadRequests() {
            Map<String, String> expected = Map.of(
                    "{\"type\":\"id\"}", "type must be \"access\" or \"refresh\"",
                    "{\"keyId\":\"no-such-key\"}", "keyId names no key of this IdP",
                    "{\"claims\":[1]}", "claims must be a JSON object of the claims to set",
                    "{\"removeClaims\":\"aud\"}", "removeClaims must be an array of claim names",
                    "{\"userId\":42}", "userId must be a string");

            expected.forEach((body, message) -> {
                IdpHttp.Answer answer = http.send("POST", "/dev/tokens", body);
                assertEquals(400, answer.status(), body);
                assertEquals(message, answer.json().getString("message"));
                assertEquals("Bad Request", answer.json().getString("error"));
            });
        }
    }

    /** Each test here has a stand-in of its own: rotating keys would change what the others see. */
    @Nested
    class KeyRotation {

        /** After a rotation old tokens still pass, every new token carries the new kid, the JWKS lists both. */
        @Test
        void rotationKeepsOldTokensAndSignsNewOnesWithTheNewKey() throws Exception {
            try (StandInIdp own = StandInIdp.start(0, "test-app")) {
                IdpHttp client = new IdpHttp(own);
                IdpHttp.NewSession before = client.newUser();
                String oldKid = kid(before.accessToken());

                IdpHttp.Answer rotated = client.send("POST", "/dev/keys/rotate", null);

                assertEquals(200, rotated.status());
                assertEquals(JSON, rotated.contentType());
                String newKid = rotated.json().getString("kid");
                assertNotEquals(oldKid, newKid);
                assertEquals(List.of(newKid, oldKid), strings(rotated.json(), "published"));
                assertEquals(List.of(newKid, oldKid), jwksKids(client));
                assertEquals("{\"current\":\"" + newKid + "\",\"published\":[\"" + newKid + "\",\"" + oldKid + "\"]}",
                        client.send("GET", "/dev/keys", null).body());
                assertEquals(200, client.bearer("GET", "/oauth/sessions", before.accessToken(), null).status());

                JsonObject refreshed = client.send("POST", "/oauth/token", "grant_type=refresh_token&client_id=test-app"
                        + "&refresh_token=" + before.refreshToken(), "Content-Type", "application/x-www-form-urlencoded")
                        .json();
                List<String> fresh = List.of(client.newUser().accessToken(), client.newUser().refreshToken(),
                        refreshed.getString("access_token"), refreshed.getString("refresh_token"), client.mint("{}"));
                RSASSAVerifier newKey = new RSASSAVerifier(jwksKey(client, newKid));
                for (String token : fresh) {
                    assertEquals(newKid, kid(token));
                    assertTrue(jwt(token).verify(newKey));
                }
            }
        }

        /** A retired key leaves the JWKS; its tokens are refused, and dev tokens can still be signed with it. */
        @Test
        void retiredKeyLeavesTheJwksAndItsTokensAreRefused() throws Exception {
            try (StandInIdp own = StandInIdp.start(0, "test-app")) {
                IdpHttp client = new IdpHttp(own);
                IdpHttp.NewSession before = client.newUser();
                String oldKid = kid(before.accessToken());
                RSAKey oldPublic = jwksKey(client, oldKid);
                String newKid = client.send("POST", "/dev/keys/rotate", null).json().getString("kid");

                IdpHttp.Answer retired = client.send("POST", "/dev/keys/" + oldKid + "/retire", null);
                IdpHttp.Answer again = client.send("POST", "/dev/keys/" + oldKid + "/retire", null);

                String state = "{\"current\":\"" + newKid + "\",\"published\":[\"" + newKid + "\"]}";
                assertEquals(200, retired.status());
                assertEquals(state, retired.body());
                assertEquals(200, again.status());
                assertEquals(state, again.body());
                assertEquals(List.of(newKid), jwksKids(client));
                IdpHttp.Answer refused = client.bearer("GET", "/oauth/sessions", before.accessToken(), null);
                assertEquals(401, refused.status());
                assertEquals(problem(401, "Invalid or expired access token", "Unauthorized"), refused.body());
                IdpHttp.Answer refresh = client.send("POST", "/oauth/token", "grant_type=refresh_token&client_id=test-app"
                        + "&refresh_token=" + before.refreshToken(), "Content-Type", "application/x-www-form-urlencoded");
                assertEquals(problem(401, "Invalid refresh token", "Unauthorized"), refresh.body());
                assertEquals(200, client.bearer("GET", "/oauth/sessions", client.newUser().accessToken(), null).status());

                String signedByRetired = client.mint("{\"keyId\":\"" + oldKid + "\"}");
                assertEquals(oldKid, kid(signedByRetired));
                assertTrue(jwt(signedByRetired).verify(new RSASSAVerifier(oldPublic)));
                assertEquals(401, client.bearer("GET", "/oauth/sessions", signedByRetired, null).status());
            }
        }

        /** The current key cannot be retired (409), an unknown one is not found (404), NestJS-style. */
        @Test
        void currentOrUnknownKeyCannotBeRetired() {
            String currentKid = http.send("GET", "/dev/keys", null).json().getString("current");

            IdpHttp.Answer current = http.send("POST", "/dev/keys/" + currentKid + "/retire", null);
            IdpHttp.Answer unknown = http.send("POST", "/dev/keys/no-such-kid/retire", null);

            assertEquals(409, current.status());
            assertEquals(JSON, current.contentType());
            assertEquals(problem(409, "Cannot retire the current signing key; rotate first", "Conflict"),
                    current.body());
            assertEquals(404, unknown.status());
            assertEquals(problem(404, "Key not found", "Not Found"), unknown.body());
            assertEquals(List.of(currentKid), jwksKids(http));
        }
    }

    @Nested
    class DiscoveryFetchStats {

        /** Every JWKS and discovery GET is counted, none is in the request log, and DELETE resets both. */
        @Test
        void countsFetchesAndResets() {
            try (StandInIdp own = StandInIdp.start(0, "test-app")) {
                IdpHttp client = new IdpHttp(own);
                client.send("GET", "/.well-known/jwks.json", null);
                client.send("GET", "/.well-known/jwks.json", null);
                client.send("GET", "/.well-known/openid-configuration", null);

                IdpHttp.Answer counted = client.send("GET", "/dev/stats", null);
                IdpHttp.Answer reset = client.send("DELETE", "/dev/stats", null);
                IdpHttp.Answer zero = client.send("GET", "/dev/stats", null);
                client.send("GET", "/.well-known/jwks.json", null);
                IdpHttp.Answer one = client.send("GET", "/dev/stats", null);

                assertEquals(200, counted.status());
                assertEquals(JSON, counted.contentType());
                assertEquals("{\"jwksFetches\":2,\"discoveryFetches\":1}", counted.body());
                assertEquals(204, reset.status());
                assertEquals("{\"jwksFetches\":0,\"discoveryFetches\":0}", zero.body());
                assertEquals("{\"jwksFetches\":1,\"discoveryFetches\":0}", one.body());
                assertEquals("{\"count\":0,\"requests\":[]}", client.send("GET", "/dev/requests", null).body());
            }
        }
    }

    @Nested
    class JwksOutage {

        /** A JWKS fault answers its status, type and body after its delay, is counted, and DELETE restores the keys. */
        @Test
        void faultReplacesTheKeysUntilDeleted() {
            try (StandInIdp own = StandInIdp.start(0, "test-app")) {
                IdpHttp client = new IdpHttp(own);
                IdpHttp.Answer put = client.send("PUT", "/dev/jwks/fault", "{\"status\":502,"
                        + "\"contentType\":\"text/html\",\"body\":\"<html>Bad Gateway</html>\",\"delayMs\":300}");
                long start = System.nanoTime();
                IdpHttp.Answer proxyPage = client.send("GET", "/.well-known/jwks.json", null);
                long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
                IdpHttp.Answer discovery = client.send("GET", "/.well-known/openid-configuration", null);
                IdpHttp.Answer byDefault = client.send("PUT", "/dev/jwks/fault", "{}");
                IdpHttp.Answer unavailable = client.send("GET", "/.well-known/jwks.json", null);
                IdpHttp.Answer deleted = client.send("DELETE", "/dev/jwks/fault", null);
                IdpHttp.Answer restored = client.send("GET", "/.well-known/jwks.json", null);

                assertEquals(204, put.status());
                assertEquals(502, proxyPage.status());
                assertEquals("text/html", proxyPage.contentType());
                assertEquals("<html>Bad Gateway</html>", proxyPage.body());
                assertTrue(elapsedMs >= 300, "answered after " + elapsedMs + " ms");
                assertEquals(200, discovery.status(), "only the JWKS is down");
                assertEquals(204, byDefault.status());
                assertEquals(503, unavailable.status());
                assertEquals("", unavailable.body());
                assertEquals(204, deleted.status());
                assertEquals(200, restored.status());
                assertEquals(JSON, restored.contentType());
                assertEquals(List.of(client.send("GET", "/dev/keys", null).json().getString("current")),
                        jwksKids(client));
                assertEquals(4, client.send("GET", "/dev/stats", null).json().getInt("jwksFetches"));
            }
        }

        /** A fault status outside 100..599 is refused. */
        @Test
        void badStatusIsBadRequest() {
            IdpHttp.Answer answer = http.send("PUT", "/dev/jwks/fault", "{\"status\":42}");

            assertEquals(400, answer.status());
            assertEquals(problem(400, "status must be an HTTP status between 100 and 599", "Bad Request"),
                    answer.body());
            assertEquals(200, http.send("GET", "/.well-known/jwks.json", null).status());
        }
    }

    @Nested
    class Restart {

        /** A stand-in can start on the port of one just closed after serving requests (no TIME_WAIT refusal). */
        @Test
        void startsAgainOnThePortOfAClosedInstance() {
            int port;
            try (StandInIdp first = StandInIdp.start(0, "test-app")) {
                port = first.port();
                IdpHttp client = new IdpHttp(first);
                client.newUser();
                assertEquals(200, client.send("GET", "/.well-known/jwks.json", null).status());
            }

            try (StandInIdp second = StandInIdp.start(port)) {
                assertEquals(port, second.port());
                assertEquals("http://127.0.0.1:" + port, second.baseUrl());
                IdpHttp.Answer answer = new IdpHttp(second).send("GET", "/.well-known/openid-configuration", null);
                assertEquals(200, answer.status());
                assertEquals(second.baseUrl(), answer.json().getString("issuer"));
            }
        }
    }
}
