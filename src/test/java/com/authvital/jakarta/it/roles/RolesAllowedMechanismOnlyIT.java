package com.authvital.jakarta.it.roles;

import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.jakarta.it.roles.secured.AdminServiceServlet;
import com.authvital.jakarta.it.roles.secured.RolesResource;
import com.authvital.jakarta.it.roles.secured.SecuredApplication;
import com.authvital.testing.Deployments;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only the Jakarta Security mechanism, no filter: the caller it established is the one a CDI bean's
 * {@code @RolesAllowed("app:admin")} is checked against, from a servlet and on a JAX-RS resource:
 * 200 with the role, 403 without it, 401 without a caller.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedMechanismOnlyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("roles-mechanism-only", Map.of(
                        "authvital.jakarta-security.enabled", "true",
                        "authvital.roles.prefix.app-roles", "app:"),
                AdminService.class, AdminServiceServlet.class, SecuredApplication.class, RolesResource.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void aBeanMethodCalledFromAServletIsTheRolesOnly() {
        new RoleCalls(app).assertAdminOnly("service", "purged Bearer");
    }

    @Test
    void aJaxRsResourceMethodIsTheRolesOnly() {
        new RoleCalls(app).assertResourceAdminOnly("rest/roles/admin");
    }
}
