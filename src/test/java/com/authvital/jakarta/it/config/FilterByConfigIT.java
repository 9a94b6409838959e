package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.SessionsServlet;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With 'authvital.filter.url-patterns' set, the module maps its filter by itself, configured by MicroProfile Config. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterByConfigIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("filter-by-config", Map.of(
                        "authvital.filter.url-patterns", "/api/*",
                        "authvital.filter.public-paths", "/api/health"),
                WhoAmIServlet.class, CurrentUser.class, SessionsServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void aValidTokenExposesItsUserToTheServletApiAndCdi() {
        NewSession user = idp.session(Map.of("tenant", "acme"));

        HttpResponse<String> me = new TestHttp(app).get("api/me?role=member", "Authorization", "Bearer " + user.accessToken());

        assertEquals(200, me.statusCode(), me.body());
        JsonObject body = json(me);
        assertEquals(user.userId(), body.getString("remoteUser"));
        assertEquals(user.userId(), body.getString("principal"));
        assertEquals(user.userId(), body.getString("cdiUser"));
        assertEquals("Bearer", body.getString("authType"));
        assertTrue(body.getBoolean("inRole"), "tenant_roles holds 'member'");
    }

    @Test
    void aProtectedPathWithoutATokenAnswers401WithTheBearerChallenge() {
        HttpResponse<String> me = new TestHttp(app).get("api/me");

        assertEquals(401, me.statusCode());
        assertEquals("Bearer realm=\"authvital\"", me.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("invalid_token", json(me).getString("error"));
    }

    @Test
    void aPublicPathPassesWithoutAUser() {
        HttpResponse<String> health = new TestHttp(app).get("api/health");

        assertEquals(200, health.statusCode(), health.body());
        assertEquals("none", json(health).getString("principal"));
        assertEquals("anonymous", json(health).getString("cdiUser"));
    }

    @Test
    void thePathsOutsideTheMappingAreNotFiltered() {
        HttpResponse<String> outside = new TestHttp(app).get("public/me");

        assertEquals(200, outside.statusCode(), outside.body());
    }

    @Test
    void theSessionsServiceUsesTheTokenTheFilterValidated() {
        NewSession user = idp.newUser();
        idp.anotherSession(user.userId());

        HttpResponse<String> sessions = new TestHttp(app).get("api/sessions", "Cookie", "access_token=" + user.accessToken());

        assertEquals(200, sessions.statusCode(), sessions.body());
        assertEquals(2, json(sessions).getInt("count"));
    }
}
