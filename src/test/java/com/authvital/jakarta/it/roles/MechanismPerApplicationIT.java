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
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One token in two applications of the server, each with the mechanism and its own role mapping:
 * each application sees the groups its own mapping gives, whichever saw the token first. Open
 * Liberty keeps the caller's subject in one authentication cache for the whole server; the
 * mechanism's key for it names the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MechanismPerApplicationIT {

    /** {@code app_roles} as {@code app:…}: an {@code admin} token may open {@code /guarded} ({@code app:admin}). */
    @Deployment(name = "prefixed", testable = false)
    static WebArchive prefixed() {
        return Deployments.war("mechanism-prefixed", Map.of(
                "authvital.jakarta-security.enabled", "true",
                "authvital.roles.prefix.app-roles", "app:"), GuardedServlet.class);
    }

    /** {@code app_roles} as they are: the same token's group is {@code admin}, not {@code app:admin}. */
    @Deployment(name = "plain", testable = false)
    static WebArchive plain() {
        return Deployments.war("mechanism-plain", Map.of(
                "authvital.jakarta-security.enabled", "true"), GuardedServlet.class);
    }

    private final StandInClient idp = Deployments.standIn();

    private String adminToken() {
        return idp.mint(Map.of("claims", Map.of("tenant_subdomain", "acme", "tenant_roles", List.of("member"),
                "app_roles", List.of("admin"))));
    }

    private static int guarded(URL app, String token) {
        HttpResponse<String> answer = new TestHttp(app).get("guarded", "Authorization", "Bearer " + token);
        return answer.statusCode();
    }

    @Test
    void theApplicationWithoutThePrefixRefusesATokenThePrefixedOneAcceptedFirst(
            @ArquillianResource @OperateOnDeployment("prefixed") URL prefixed,
            @ArquillianResource @OperateOnDeployment("plain") URL plain) {
        String token = adminToken();

        assertEquals(200, guarded(prefixed, token), "app:admin in the prefixed application");
        assertEquals(403, guarded(plain, token), "admin, not app:admin, in the other");
        assertEquals(200, guarded(prefixed, token), "and still app:admin where it was");
    }

    @Test
    void thePrefixedApplicationAcceptsATokenTheOtherRefusedFirst(
            @ArquillianResource @OperateOnDeployment("prefixed") URL prefixed,
            @ArquillianResource @OperateOnDeployment("plain") URL plain) {
        String token = adminToken();

        assertEquals(403, guarded(plain, token));
        assertEquals(200, guarded(prefixed, token));
    }
}
