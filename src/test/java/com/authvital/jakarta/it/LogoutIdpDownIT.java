package com.authvital.jakarta.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.Browser;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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

/** When nothing listens at 'authvital.host', the logout still succeeds and clears both cookies, and its answer says the IdP was not reached. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutIdpDownIT {

    private static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-idp-down", Map.of(
                "authvital.host", "http://127.0.0.1:" + Deployments.closedPort(),
                "authvital.logout.path", "/logout",
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    // The sessions come from the real stand-in; the deployment's host is a closed port.
    private final StandInClient idp = StandInClient.at(Deployments.idp().baseUrl());

    @Test
    void theCookiesAreClearedAndTheAnswerSaysTheIdpWasNotReached() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        HttpResponse<String> out = new Browser(app).post("logout", "Accept", "application/json",
                "Cookie", "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        JsonObject body = Json.createReader(new StringReader(out.body())).readObject();
        assertTrue(body.getBoolean("success"), out.body());
        JsonObject idpAnswer = body.getJsonObject("idp");
        assertTrue(idpAnswer.getBoolean("called"), out.body());
        assertFalse(idpAnswer.getBoolean("reached"), out.body());
        assertFalse(idpAnswer.getBoolean("success"), out.body());
        assertTrue(idpAnswer.getString("message").contains("could not be reached"), out.body());
        assertFalse(out.body().contains(user.refreshToken()), "the answer never repeats the token");
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        assertFalse(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before), "the configured host was called, not the stand-in");
    }

    @Test
    void aBrowserIsStillSentOnWithItsCookiesCleared() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new Browser(app).post("logout", "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(303, out.statusCode(), out.body());
        assertEquals(List.of(app.getPath()), out.headers().allValues("Location"));
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
    }
}
