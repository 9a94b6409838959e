package com.authvital.jakarta.it.roles;

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.authvital.jakarta.it.roles.secured.GuardedServlet;
import com.authvital.jakarta.it.roles.secured.RolesResource;
import com.authvital.jakarta.it.roles.secured.SecuredApplication;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import com.authvital.testing.TestServer;
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

/**
 * The same classes without {@code authvital.jakarta-security.enabled}, the filter on
 * {@code /rest/*}, on the same server with {@code appSecurity-5.0}: the filter works as before and
 * the container does not hear of the caller; the module's mechanism is not there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JakartaSecurityOffIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("jakarta-security-off", Map.of(
                        "authvital.filter.url-patterns", "/rest/*",
                        "authvital.roles.prefix.app-roles", "app:"),
                SecuredApplication.class, RolesResource.class, GuardedServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void theFilterStillGivesTheRequestItsUserAndTheContainerStaysAnonymous() {
        String token = idp.mint(Map.of("claims", Map.of("app_roles", List.of("admin"))));

        JsonObject who = json(new TestHttp(app).get("rest/roles/whoami", "Authorization", "Bearer " + token));

        assertFalse(who.getString("jaxrsUser").equals("anonymous"), who.toString());
        assertEquals("anonymous", who.getString("callerPrincipal"), "Jakarta Security never heard of the caller");
        assertEquals(who.getString("jaxrsUser"), who.getString("jwtName"), "@Inject JsonWebToken is the filter's user");
    }

    @Test
    void aServletConstraintIsTheContainersOwnWithoutTheModulesChallenge() {
        String token = idp.mint(Map.of("claims", Map.of("app_roles", List.of("admin"))));

        HttpResponse<String> guarded = new TestHttp(app).get("guarded", "Authorization", "Bearer " + token);

        // The container's own answer to a constraint it has no mechanism for: Liberty's 401;
        // WildFly 39 answers 500 (docs/wildfly.md): an application with constraints names a mechanism.
        assertEquals(TestServer.wildFly() ? 500 : 401, guarded.statusCode(), guarded.body());
        assertFalse(guarded.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                guarded.headers().map().toString());
    }
}
