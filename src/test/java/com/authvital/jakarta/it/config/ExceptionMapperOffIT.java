package com.authvital.jakarta.it.config;

import com.authvital.jakarta.it.app.RestApplication;
import com.authvital.jakarta.it.app.UnmappedResource;
import com.authvital.jakarta.it.roles.secured.AdminService;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code authvital.jaxrs.exception-mapper=false}: the module registers no mapper, and an exception nothing maps is JAX-RS's 500. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExceptionMapperOffIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("exception-mapper-off", Map.of("authvital.jaxrs.exception-mapper", "false"),
                RestApplication.class, UnmappedResource.class, AdminService.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void anAnonymousCallerGetsJaxRssOwn500() {
        HttpResponse<String> out = new TestHttp(app).get("rest/unmapped/sessions", "Accept", "application/json");

        assertEquals(500, out.statusCode(), out.body());
    }
}
