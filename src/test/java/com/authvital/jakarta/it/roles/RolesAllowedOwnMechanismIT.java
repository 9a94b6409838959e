package com.authvital.jakarta.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.jakarta.it.roles.secured.AdminServiceServlet;
import com.authvital.jakarta.it.roles.secured.HeaderMechanism;
import com.authvital.testing.Deployments;
import com.authvital.testing.TestHttp;
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

/**
 * An application that authenticates with a Jakarta Security mechanism of its own and uses neither
 * the module's filter nor its mechanism: a {@code @RolesAllowed} bean method is checked against
 * the caller the container knows, 200 in the role, 403 without it; without a caller, 401 AV0007.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedOwnMechanismIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("roles-own-mechanism", Map.of(), AdminService.class, AdminServiceServlet.class,
                        HeaderMechanism.class)
                .setWebXML(Deployments.webXml("<security-role><role-name>app:admin</role-name></security-role>"));
    }

    @ArquillianResource
    URL app;

    private HttpResponse<String> get(String groups) {
        return groups == null ? new TestHttp(app).get("service") : new TestHttp(app).get("service", "X-Test-Groups", groups);
    }

    @Test
    void theContainersCallerIsCheckedByItsRoles() {
        HttpResponse<String> admin = get("app:admin,member");
        HttpResponse<String> member = get("member");
        HttpResponse<String> nobody = get(null);

        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().startsWith("purged "), admin.body());
        assertEquals(403, member.statusCode(), member.body());
        assertTrue(member.body().startsWith("AV1009E: "), member.body());
        assertEquals(401, nobody.statusCode(), nobody.body());
        assertTrue(nobody.body().startsWith("AV0007W: "), nobody.body());
    }
}
