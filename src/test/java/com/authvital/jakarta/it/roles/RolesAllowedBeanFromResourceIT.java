package com.authvital.jakarta.it.roles;

import com.authvital.jakarta.it.app.RestApplication;
import com.authvital.jakarta.it.app.UnmappedResource;
import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.testing.Deployments;
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

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code @RolesAllowed("app:admin")} CDI bean called from a JAX-RS resource, in an application
 * with no exception mapper of its own (the filter over every path, optional): 200 to an admin,
 * 403 with the module's JSON (AV1009) to a member, 401 with a challenge (AV1010) to no one; not
 * JAX-RS's 500.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesAllowedBeanFromResourceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("roles-bean-from-resource", Map.of(
                        "authvital.filter.url-patterns", "/*",
                        "authvital.filter.mode", "optional",
                        "authvital.roles.prefix.app-roles", "app:"),
                RestApplication.class, UnmappedResource.class, AdminService.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void anAdminGetsTheResult() {
        RoleCalls calls = new RoleCalls(app);

        HttpResponse<String> out = calls.get("rest/unmapped/purge", calls.token("admin"));

        assertEquals(200, out.statusCode(), out.body());
        assertEquals("purged", json(out).getString("result"));
    }

    @Test
    void aMemberGets403WithTheModulesJson() {
        RoleCalls calls = new RoleCalls(app);

        HttpResponse<String> out = calls.get("rest/unmapped/purge", calls.token("editor"));

        assertEquals(403, out.statusCode(), out.body());
        JsonObject body = json(out);
        assertEquals("AccessDeniedException", body.getString("error"), out.body());
        assertTrue(body.getString("message").startsWith("AV1009E: ") && body.getString("message").contains("app:admin"),
                out.body());
    }

    @Test
    void noCallerGets401WithAChallenge() {
        HttpResponse<String> out = new RoleCalls(app).get("rest/unmapped/purge", null);

        assertEquals(401, out.statusCode(), out.body());
        assertEquals("Bearer realm=\"authvital\"", out.headers().firstValue("WWW-Authenticate").orElse(""));
        JsonObject body = json(out);
        assertEquals("NotAuthenticatedException", body.getString("error"), out.body());
        assertTrue(body.getString("message").startsWith("AV1010E: "), out.body());
    }
}
