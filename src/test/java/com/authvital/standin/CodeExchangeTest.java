package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /oauth/token} with {@code grant_type=authorization_code}: the answer, the ID token,
 * the new session, and every refusal in the contract's words.
 */
class CodeExchangeTest {

    private static final String CALLBACK = "http://localhost:9080/app/callback";

    @RegisterExtension
    static final RunningStandIn standIn = new RunningStandIn();

    private static String problem(int status, String message) {
        return "{\"statusCode\":" + status + ",\"message\":\"" + message + "\",\"error\":\""
                + (status == 400 ? "Bad Request" : "Unauthorized") + "\"}";
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static Map<String, String> change(String name, String value) {
        Map<String, String> change = new HashMap<>();
        change.put(name, value);
        return change;
    }

    /** A code gives the contract's answer: signed tokens, an ID token with the nonce, a refresh token with a sid. */
    @Test
    void aCodeGivesTheContractsAnswerWithAnIdTokenCarryingTheNonce() throws Exception {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);

        IdpHttp.Answer answer = flow.exchange(flow.code("demo"));

        assertEquals(200, answer.status(), answer.body());
        JsonObject tokens = answer.json();
        assertEquals(Set.of("access_token", "token_type", "expires_in", "refresh_token", "scope", "id_token"),
                tokens.keySet());
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(3600, tokens.getInt("expires_in"));
        assertEquals("openid profile email offline_access", tokens.getString("scope"));
        RSAKey key = (RSAKey) JWKSet.parse(standIn.http().send("GET", "/.well-known/jwks.json", null).body()).getKeys().get(0);
        for (String name : List.of("access_token", "refresh_token", "id_token")) {
            assertTrue(SignedJWT.parse(tokens.getString(name)).verify(new RSASSAVerifier(key)), name);
        }
        JWTClaimsSet id = claims(tokens.getString("id_token"));
        assertEquals(standIn.idp().baseUrl(), id.getIssuer());
        assertEquals(List.of("test-app"), id.getAudience());
        assertEquals(flow.nonce, id.getStringClaim("nonce"));
        assertEquals("demo.user@example.test", id.getStringClaim("email"));
        assertEquals("Demo", id.getStringClaim("given_name"));
        assertEquals("User", id.getStringClaim("family_name"));
        assertTrue(id.getIssueTime().before(id.getExpirationTime()));
        JWTClaimsSet access = claims(tokens.getString("access_token"));
        assertEquals(id.getSubject(), access.getSubject());
        assertNull(access.getClaim("sid"));
        assertNull(access.getJWTID());
        assertEquals(Duration.ofHours(1), Duration.between(access.getIssueTime().toInstant(),
                access.getExpirationTime().toInstant()));
        JWTClaimsSet refresh = claims(tokens.getString("refresh_token"));
        assertEquals("refresh", refresh.getStringClaim("token_type"));
        assertEquals("openid profile email offline_access", refresh.getStringClaim("scope"));
    }

    /** The session of a code exchange is listed with null user agent and IP, under the refresh token's sid. */
    @Test
    void theNewSessionHasNoUserAgentNorIp() throws Exception {
        JsonObject tokens = new StandInSignIn(standIn.http(), "test-app", CALLBACK).signIn("second");
        String sid = claims(tokens.getString("refresh_token")).getStringClaim("sid");

        JsonObject listed = standIn.http().bearer("GET", "/oauth/sessions?application_id=test-app",
                tokens.getString("access_token"), null).json().getJsonArray("sessions").getValuesAs(JsonObject.class)
                .stream().filter(s -> s.getString("id").equals(sid)).findFirst().orElseThrow();

        assertTrue(listed.isNull("userAgent"));
        assertTrue(listed.isNull("ipAddress"));
        assertTrue(listed.isNull("tenant"));
    }

    /** A JSON body is read like a form. */
    @Test
    void aJsonBodyWorksLikeAForm() {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);
        String json = "{\"grant_type\":\"authorization_code\",\"code\":\"" + flow.code("second")
                + "\",\"redirect_uri\":\"" + CALLBACK + "\",\"client_id\":\"test-app\",\"code_verifier\":\""
                + flow.verifier + "\"}";

        IdpHttp.Answer answer = standIn.http().send("POST", "/oauth/token", json, "Content-Type", "application/json");

        assertEquals(200, answer.status(), answer.body());
    }

    /** Refusals answer the contract's NestJS bodies, and a refused request does not use the code up. */
    @Test
    void refusalsAnswerTheContractsWordsAndLeaveTheCodeUsable() {
        StandInSignIn flow = new StandInSignIn(standIn.http(), "test-app", CALLBACK);
        String code = flow.code("second");
        Map<Map<String, String>, String> refusals = Map.of(
                change("code", null), problem(400, "Missing code parameter"),
                change("grant_type", "password"), problem(400, "Unsupported grant_type"),
                change("code", "no-such-code"), problem(401, "Invalid authorization code"),
                change("redirect_uri", CALLBACK + "/other"), problem(401, "Invalid grant: redirect_uri mismatch"),
                change("client_id", "other-app"), problem(401, "Client ID mismatch"),
                change("code_verifier", null), problem(401, "Missing code_verifier for PKCE"),
                change("code_verifier", "x".repeat(43)), problem(401, "Invalid code_verifier"));

        refusals.forEach((changed, body) -> {
            IdpHttp.Answer answer = flow.exchange(code, changed);
            assertEquals(body, answer.body(), changed.toString());
            assertEquals("application/json; charset=utf-8", answer.contentType());
        });
        assertEquals(200, flow.exchange(code).status());
    }

    /** A replayed code is refused and revokes every session of the user on the client, the first exchange's too. */
    @Test
    void aReplayedCodeRevokesTheUsersSessionsOnTheClient() throws Exception {
        try (StandInIdp own = StandInIdp.start(0, "test-app")) {
            IdpHttp client = new IdpHttp(own);
            StandInSignIn flow = new StandInSignIn(client, "test-app", CALLBACK);
            String code = flow.code("demo");
            JsonObject first = flow.exchange(code).json();
            String userId = claims(first.getString("access_token")).getSubject();

            IdpHttp.Answer replay = flow.exchange(code);

            assertEquals(problem(401, "Authorization code already used"), replay.body());
            String sid = claims(first.getString("refresh_token")).getStringClaim("sid");
            JsonObject session = client.send("GET", "/dev/sessions/" + sid, null).json();
            assertTrue(session.getBoolean("revoked"));
            assertEquals("REUSE_DETECTED", session.getString("revokedReason"));
            assertEquals(0, client.bearer("GET", "/oauth/sessions", first.getString("access_token"), null)
                    .json().getInt("count"), "the seeded devices of the Demo User are revoked too");
            assertEquals(1, client.send("GET", "/dev/token-stats?userId=" + userId, null).json()
                    .getInt("familyRevocations"));
        }
    }

    /** A client with a secret must send it; a wrong or missing one is refused, and the secret is never shown. */
    @Test
    void aClientSecretIsCheckedWhenTheClientHasOne() {
        IdpHttp.Answer registered = standIn.http().send("PUT", "/dev/clients/confidential-app", "{\"secret\":\"s3cret-value\"}");
        StandInSignIn flow = new StandInSignIn(standIn.http(), "confidential-app", CALLBACK);
        String code = flow.code("second");

        IdpHttp.Answer missing = flow.exchange(code);
        IdpHttp.Answer wrong = flow.exchange(code, Map.of("client_secret", "guess"));
        IdpHttp.Answer right = flow.exchange(code, Map.of("client_secret", "s3cret-value"));

        assertEquals("{\"clientId\":\"confidential-app\",\"hasSecret\":true,\"rotationReuseIntervalSeconds\":0}",
                registered.body());
        assertEquals(problem(401, "Invalid client secret"), missing.body());
        assertEquals(problem(401, "Invalid client secret"), wrong.body());
        assertEquals(200, right.status(), right.body());
    }
}
