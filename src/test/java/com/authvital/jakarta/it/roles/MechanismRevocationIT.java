package com.authvital.jakarta.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.jakarta.it.roles.secured.GuardedServlet;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
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

/**
 * Behind the mechanism, a token logged out is refused on its next request (401) although Open
 * Liberty still holds the subject it made for the token: the module judges the token on every
 * request before the container looks for that subject. Another token, never logged out, still
 * passes. (The body of the 401 is the container's to keep: Liberty shows the module's AV1011,
 * WildFly its own page.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MechanismRevocationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("mechanism-revocation", Map.of(
                "authvital.jakarta-security.enabled", "true",
                "authvital.roles.prefix.app-roles", "app:",
                "authvital.logout.path", "/logout"), GuardedServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private String adminToken() {
        return idp.mint(Map.of("claims", Map.of("tenant_subdomain", "acme", "tenant_roles", List.of("member"),
                "app_roles", List.of("admin"))));
    }

    private HttpResponse<String> guarded(String token) {
        return new TestHttp(app).get("guarded", "Authorization", "Bearer " + token);
    }

    @Test
    void aTokenLoggedOutIsRefusedOnItsNextRequestAndAnotherStillPasses() {
        String token = adminToken();
        String other = adminToken();
        assertEquals(200, guarded(token).statusCode());
        assertEquals(200, guarded(token).statusCode(), "the second request finds the subject Liberty cached");
        assertEquals(200, guarded(other).statusCode());

        HttpResponse<String> logout = new TestHttp(app).post("logout", "Authorization", "Bearer " + token,
                "Accept", "application/json");
        assertEquals(200, logout.statusCode(), logout.body());

        HttpResponse<String> after = guarded(token);
        assertEquals(401, after.statusCode(), after.body());
        assertEquals(200, guarded(other).statusCode());
    }
}
