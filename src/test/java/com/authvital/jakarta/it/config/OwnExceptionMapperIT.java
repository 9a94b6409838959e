package com.authvital.jakarta.it.config;

import com.authvital.jakarta.it.app.OwnErrors;
import com.authvital.jakarta.it.app.RestApplication;
import com.authvital.jakarta.it.app.UnmappedResource;
import com.authvital.jakarta.it.roles.secured.AdminService;
import com.authvital.testing.Deployments;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An application's own {@code ExceptionMapper<AuthVitalException>}, without any {@code @Priority}, wins over the module's. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnExceptionMapperIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("own-exception-mapper", RestApplication.class, UnmappedResource.class,
                AdminService.class, OwnErrors.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void theApplicationsMapperAnswers() {
        HttpResponse<String> out = new TestHttp(app).get("rest/unmapped/sessions", "Accept", "application/json");

        assertEquals(418, out.statusCode(), out.body());
        assertEquals(OwnErrors.BODY, out.body());
    }
}
