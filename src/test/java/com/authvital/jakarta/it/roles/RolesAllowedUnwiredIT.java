package com.authvital.jakarta.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.jakarta.it.roles.secured.AdminServiceServlet;
import com.authvital.testing.Deployments;
import com.authvital.testing.ServerLog;
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
 * With neither the filter nor the mechanism, nothing establishes a caller: a
 * {@code @RolesAllowed} bean method refuses every call, a valid admin token too, with 401 AV0007
 * naming the settings, and the server log says it (WARNING).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedUnwiredIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("roles-unwired", Map.of("authvital.roles.prefix.app-roles", "app:"),
                AdminService.class, AdminServiceServlet.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void aRolesAllowedBeanMethodRefusesEvenAnAdminAndSaysWhatToSet() {
        RoleCalls calls = new RoleCalls(app);
        HttpResponse<String> admin = calls.get("service", calls.token("admin"));
        HttpResponse<String> nobody = calls.get("service", null);

        assertEquals(401, admin.statusCode(), admin.body());
        assertTrue(admin.body().startsWith("AV0007W: ") && admin.body().contains("authvital.jakarta-security.enabled")
                && admin.body().contains("authvital.filter.url-patterns"), admin.body());
        assertEquals(401, nobody.statusCode(), nobody.body());
        assertTrue(ServerLog.isWarning(ServerLog.lineWith("AV0007W: ", "AdminService"), "AV0007"), "logged as a WARNING");
    }
}
