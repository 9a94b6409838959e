package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.PlainDevicesServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An access token past its {@code exp} but within the clock skew is accepted here and refused by
 * the IdP: the sessions service refreshes it first, and when the refresh cannot be made (the IdP
 * rate-limiting) answers 503 with {@code Retry-After}, never the IdP's 401, and never forwards
 * the expired token.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RefreshFixtures.NoTokenRateLimit.class)
@RunAsClient
class ExpiredWithinSkewIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("expired-within-skew", Map.of("authvital.cookie.secure", "false",
                "authvital.clock-skew", "60s"), PlainDevicesServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @AfterEach
    void theIdpAnswersAgain() {
        idp.clearTokenFault();
    }

    @Test
    void aRateLimitedRefreshOfATokenWithinTheSkewAnswers503WithRetryAfterAndForwardsNothing() {
        NewSession user = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));
        long now = Instant.now().getEpochSecond();
        String pastExp = idp.mint(Map.of("userId", user.userId(), "claims", Map.of("iat", now - 3610, "exp", now - 10)));
        idp.tokenFault(Json.createObjectBuilder().add("status", 429).add("retryAfterSeconds", 7)
                .add("contentType", "application/json")
                .add("body", "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}").build());
        int before = idp.requests().size();

        HttpResponse<String> listed = new TestHttp(app).send("GET", "plain/devices", null,
                "Cookie", cookies(pastExp, user.refreshToken()));

        assertEquals(503, listed.statusCode(), listed.body());
        assertEquals("7", listed.headers().firstValue("Retry-After").orElse(null));
        assertTrue(json(listed).getString("message").startsWith("AV1213E: "), listed.body());
        List<JsonObject> sessionCalls = idp.requestsAfter(before).stream()
                .filter(call -> call.getString("path").startsWith("/oauth/sessions")).toList();
        assertEquals(List.of(), sessionCalls, "the expired token was not forwarded to the IdP");
    }
}
