package com.authvital.jakarta.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.roles.secured.AdminBase;
import com.authvital.jakarta.it.roles.secured.ClosedService;
import com.authvital.jakarta.it.roles.secured.InheritedAdminService;
import com.authvital.jakarta.it.roles.secured.InheritedServlet;
import com.authvital.testing.Deployments;
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
 * {@code @RolesAllowed} that a CDI bean inherits from its superclass (on the class or on a method
 * it does not override) and a class-level {@code @DenyAll} are enforced, with Jakarta Annotations'
 * precedence: a method's annotation over its class's, a class's only over the methods it declares.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedInheritedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("roles-inherited", Map.of(
                        "authvital.jakarta-security.enabled", "true",
                        "authvital.roles.prefix.app-roles", "app:"),
                AdminBase.class, InheritedAdminService.class, ClosedService.class, InheritedServlet.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void theSuperclasssClassLevelRolesCoverTheMethodsItDeclares() {
        new RoleCalls(app).assertAdminOnly("inherited/purge", "purged");
    }

    @Test
    void aSuperclassMethodsOwnRolesHoldWhereNoSubclassOverridesIt() {
        new RoleCalls(app).assertAdminOnly("inherited/audit", "audited");
    }

    @Test
    void aMethodTheBeanDeclaresIsNotCoveredByItsSuperclasssClassLevelRoles() {
        HttpResponse<String> nobody = new RoleCalls(app).get("inherited/hello", null);

        assertEquals(200, nobody.statusCode(), nobody.body());
        assertEquals("hello", nobody.body());
    }

    @Test
    void aClassLevelDenyAllRefusesEveryoneEvenAnAdmin() {
        RoleCalls calls = new RoleCalls(app);
        HttpResponse<String> admin = calls.get("inherited/shut", calls.token("admin"));
        HttpResponse<String> nobody = calls.get("inherited/shut", null);

        assertEquals(403, admin.statusCode(), admin.body());
        assertTrue(admin.body().startsWith("AV1009E: ") && admin.body().contains("@DenyAll"), admin.body());
        assertEquals(403, nobody.statusCode(), nobody.body());
    }

    @Test
    void aMethodsRolesAllowedWinsOverTheClasssDenyAll() {
        new RoleCalls(app).assertAdminOnly("inherited/ajar", "ajar");
    }
}
