package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.TestHttp;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a server without MicroProfile Health and Telemetry (the Arquillian test server on Open
 * Liberty has neither feature), the module deploys and works as before: its readiness checks and
 * its telemetry are optional, and the defaults of their settings ask for them. Open Liberty only:
 * the WildFly test servers run {@code standalone-microprofile.xml}, which has both subsystems
 * ({@code WildFlyReadinessIT}).
 */
@Tag("liberty-only")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WithoutHealthOrTelemetryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("without-health", RefreshFixtures.filteredApiAnd(Map.of()), WhoAmIServlet.class,
                CurrentUser.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void theServerHasNoHealthEndpointAndTheModuleStillAuthenticates() throws Exception {
        HttpResponse<String> health = new TestHttp(URI.create(app.toString()).resolve("/").toURL()).get("health/ready");
        assertEquals(404, health.statusCode(), "this server has no MicroProfile Health: " + health.body());

        NewSession user = idp.newUser();
        HttpResponse<String> me = new TestHttp(app).get("api/me", "Authorization", "Bearer " + user.accessToken());
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains(user.userId()), me.body());
        assertEquals(401, new TestHttp(app).get("api/me", "Authorization", "Bearer not.a.token").statusCode());
    }
}
