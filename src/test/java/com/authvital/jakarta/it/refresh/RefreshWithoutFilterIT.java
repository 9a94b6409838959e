package com.authvital.jakarta.it.refresh;

import static com.authvital.jakarta.it.fixtures.RefreshFixtures.cookies;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.expiredAccessToken;
import static com.authvital.jakarta.it.fixtures.RefreshFixtures.tokenCookies;
import static com.authvital.testing.SetCookies.TOKEN_COOKIES;
import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.PlainDevicesServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies.SetCookie;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AuthVitalSessions without the filter refreshes an expired access-token cookie itself when given the response. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(RefreshFixtures.NoTokenRateLimit.class)
@RunAsClient
class RefreshWithoutFilterIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("refresh-without-filter", Map.of("authvital.cookie.secure", "false"),
                PlainDevicesServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void listingWithTheResponseRefreshesTheCookiesAndMarksTheNewSessionAsThisDevice() {
        NewSession user = idp.session(Map.of("applicationId", Deployments.CLIENT_ID));

        HttpResponse<String> listed = new TestHttp(app).send("GET", "plain/devices", null,
                "Cookie", cookies(expiredAccessToken(idp, user.userId()), user.refreshToken()));

        assertEquals(200, listed.statusCode(), listed.body());
        Map<String, SetCookie> renewed = tokenCookies(listed);
        assertEquals(TOKEN_COOKIES.size(), renewed.size(), renewed.toString());
        assertNotEquals(user.refreshToken(), renewed.get("refresh_token").value());
        List<JsonObject> sessions = json(listed).getJsonArray("sessions").getValuesAs(JsonObject.class);
        assertEquals(1, sessions.size(), "the old session was rotated out: " + sessions);
        assertTrue(sessions.get(0).getBoolean("current"));
        assertNotEquals(user.sessionId(), sessions.get(0).getString("id"));
        assertEquals(1, idp.tokenStats(user.userId()).getInt("refreshes"));
    }
}
