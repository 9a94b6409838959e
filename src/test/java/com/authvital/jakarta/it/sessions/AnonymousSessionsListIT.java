package com.authvital.jakarta.it.sessions;

import com.authvital.jakarta.it.app.RestApplication;
import com.authvital.jakarta.it.app.UnmappedResource;
import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.testing.Deployments;
import com.authvital.testing.TestHttp;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
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
 * A JAX-RS resource calling {@code sessions.list(request)} for an anonymous caller, in an
 * application with no exception mapper of its own, answers 401 with the module's JSON and
 * {@code WWW-Authenticate: Bearer}, not JAX-RS's 500; a caller with a token gets the list.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnonymousSessionsListIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("anonymous-sessions-list", RestApplication.class, UnmappedResource.class,
                AdminService.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void anAnonymousCallerGets401WithTheModulesJsonAndAChallenge() {
        HttpResponse<String> out = new TestHttp(app).get("rest/unmapped/sessions", "Accept", "application/json");

        assertEquals(401, out.statusCode(), out.body());
        assertEquals("Bearer realm=\"authvital\"", out.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("no-store", out.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(out.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), out.headers().toString());
        JsonObject body = json(out);
        assertEquals("NotAuthenticatedException", body.getString("error"), out.body());
        assertTrue(body.getString("message").startsWith("AV1001E: "), out.body());
    }

    @Test
    void aCallerWithATokenGetsTheList() {
        String token = Deployments.standIn().newUser().accessToken();

        HttpResponse<String> out = new TestHttp(app).get("rest/unmapped/sessions", "Accept", "application/json",
                "Authorization", "Bearer " + token);

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(1, json(out).getInt("count"), out.body());
    }
}
