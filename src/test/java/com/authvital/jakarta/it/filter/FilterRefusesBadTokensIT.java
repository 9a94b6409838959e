package com.authvital.jakarta.it.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.SessionsServlet;
import com.authvital.jakarta.it.fixtures.ForgedTokens;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad or forged token on a protected path is a 401 with an RFC 6750 challenge and a JSON
 * reason, never a 500, and never reaches the IdP's session endpoints.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterRefusesBadTokensIT {

    /** Beyond the default 30 s clock skew. */
    private static final long FIVE_MINUTES = 300;

    private static final String CHALLENGE = "Bearer realm=\"authvital\", error=\"invalid_token\", error_description=\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("filter-refuses-bad-tokens", Map.of("authvital.filter.url-patterns", "/api/*"),
                SessionsServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    // /api/sessions lists the caller's sessions at the IdP: a token the filter let through would
    // show up as a GET /oauth/sessions in the stand-in's request log.
    private int idpRequestsBefore;

    @BeforeEach
    void countTheIdpsRequests() {
        idpRequestsBefore = idp.requests().size();
    }

    private HttpResponse<String> withBearer(String token) {
        return new TestHttp(app).get("api/sessions", "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> withCookie(String value) {
        return new TestHttp(app).get("api/sessions", "Accept", "application/json", "Cookie", "access_token=" + value);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** A genuine access token of the stand-in, for its claims and kid. */
    private String genuine() {
        return idp.mint(Map.of());
    }

    private void assertRefused(HttpResponse<String> response, String why) {
        assertEquals(401, response.statusCode(), response.body());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith(CHALLENGE), challenge);
        assertTrue(challenge.contains(why), challenge);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("invalid_token", body.getString("error"));
        assertTrue(body.getString("message").contains(why), body.getString("message"));
        assertEquals(List.of(), idp.requestsAfter(idpRequestsBefore), "the IdP's session endpoints were called");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = idp.mint(Map.of("claims", Map.of("iat", now() - 3600 - FIVE_MINUTES, "exp", now() - FIVE_MINUTES)));

        assertRefused(withBearer(expired), "it has expired");
    }

    @Test
    void aTokenNotValidYetIsRefused() {
        String early = idp.mint(Map.of("claims", Map.of("nbf", now() + FIVE_MINUTES)));

        assertRefused(withBearer(early), "it is not valid yet");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        String foreign = idp.mint(Map.of("claims", Map.of("iss", "https://auth.attacker.example")));

        assertRefused(withBearer(foreign), "it was issued by 'https://auth.attacker.example', not by '" + Deployments.idp().baseUrl() + "'");
    }

    @Test
    void aTokenForAnotherClientIsRefused() {
        String otherApp = idp.mint(Map.of("claims", Map.of("aud", List.of("another-app"))));

        assertRefused(withBearer(otherApp), "it is not meant for this application");
    }

    @Test
    void anUnsignedTokenAlgNoneIsRefused() {
        String none = ForgedTokens.unsigned(ForgedTokens.claimsOf(genuine()));

        assertRefused(withBearer(none), "it is not a signed JWT");
    }

    @Test
    void hs256SignedWithTheIdpsPublicKeyAsSecretIsRefused() {
        String genuine = genuine();
        String confused = ForgedTokens.hs256WithPublicKey(idp.jwks(), ForgedTokens.kidOf(genuine),
                ForgedTokens.claimsOf(genuine));

        assertRefused(withBearer(confused), "it is not signed with RS256");
    }

    @Test
    void aSignatureOfAnotherKeyUnderTheIdpsKidIsRefused() {
        String genuine = genuine();
        String forged = ForgedTokens.signedWithOwnKey(ForgedTokens.kidOf(genuine), ForgedTokens.claimsOf(genuine));

        assertRefused(withBearer(forged), "its signature does not verify");
    }

    @Test
    void aTokenWithAnUnknownKidIsRefused() {
        String forged = ForgedTokens.signedWithOwnKey("nope", ForgedTokens.claimsOf(genuine()));

        assertRefused(withBearer(forged), "it is signed with a key the IdP does not publish");
    }

    @Test
    void aRefreshTokenUsedAsAnAccessTokenIsRefused() {
        NewSession user = idp.newUser();

        assertRefused(withBearer(user.refreshToken()), "it is a refresh token");
    }

    @Test
    void aTokenOfTwoPartsIsRefused() {
        String[] parts = genuine().split("\\.");

        assertRefused(withBearer(parts[0] + "." + parts[1]), "it is not a signed JWT");
    }

    @Test
    void aTokenOfFourPartsIsRefused() {
        assertRefused(withBearer(genuine() + "." + ForgedTokens.base64url("more")), "it is not a signed JWT");
    }

    @Test
    void badBase64InTheHeaderIsRefusedAsAMalformedBearerToken() {
        // '!' is not a b64token character (RFC 6750 §2.1): refused before any JWT parsing.
        assertRefused(withBearer("a.b!.c"), "not a valid Bearer token");
    }

    @Test
    void badBase64InTheCookieIsRefusedAsNotAJwt() {
        assertRefused(withCookie("a.b!.c"), "it is not a signed JWT");
    }

    @Test
    void aNonJsonPayloadIsRefused() {
        String[] parts = genuine().split("\\.");

        assertRefused(withBearer(parts[0] + "." + ForgedTokens.base64url("not json") + "." + parts[2]),
                "it is not a signed JWT");
    }

    @Test
    void bearerWithNothingAfterItIsRefused() {
        HttpResponse<String> response = new TestHttp(app).get("api/sessions",
                "Accept", "application/json", "Authorization", "Bearer ");

        assertRefused(response, "not a valid Bearer token");
    }

    @Test
    void a16KibTokenIsRefusedWithoutA500() {
        HttpResponse<String> response = withBearer("a".repeat(16 * 1024));

        assertNotEquals(200, response.statusCode(), response.body());
        assertNotEquals(500, response.statusCode(), response.body());
        if (response.statusCode() == 401) {
            assertRefused(response, "it is longer than");
        }
        assertEquals(List.of(), idp.requestsAfter(idpRequestsBefore));
    }

    @Test
    void aCookieHoldingGarbageIsRefused() {
        assertRefused(withCookie("garbage"), "it is not a signed JWT");
    }

    @Test
    void theSameTokenInHeaderAndCookieIsAccepted() {
        NewSession user = idp.newUser();

        HttpResponse<String> response = new TestHttp(app).get("api/sessions", "Accept", "application/json",
                "Authorization", "Bearer " + user.accessToken(), "Cookie", "access_token=" + user.accessToken());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, Json.createReader(new StringReader(response.body())).readObject().getInt("count"));
        List<JsonObject> calls = idp.requestsAfter(idpRequestsBefore);
        assertEquals(1, calls.size(), calls.toString());
        assertEquals(user.userId(), calls.get(0).getString("userId"));
    }

    @Test
    void differentTokensInHeaderAndCookieAreRefused() {
        NewSession one = idp.newUser();
        NewSession other = idp.newUser();

        HttpResponse<String> response = new TestHttp(app).get("api/sessions", "Accept", "application/json",
                "Authorization", "Bearer " + one.accessToken(), "Cookie", "access_token=" + other.accessToken());

        assertRefused(response, "different access tokens");
    }
}
