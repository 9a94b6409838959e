package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.authvital.jakarta.it.app.ClearCookiesServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
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

/** An application's own servlet that calls the injected AuthVitalCookies.clear(response) sends the very Set-Cookie headers of the logout servlet. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CookiesClearedFromCodeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("cookies-from-code", Map.of(
                        "authvital.logout.path", "/logout",
                        "authvital.cookie.domain", "example.test",
                        "authvital.cookie.secure", "false"),
                ClearCookiesServlet.class);
    }

    @ArquillianResource
    URL app;

    @Test
    void clearSendsTheSameTwoSetCookieHeadersAsTheLogoutServlet() {
        HttpResponse<String> cleared = new TestHttp(app).post("clear-cookies");
        HttpResponse<String> loggedOut = new TestHttp(app).post("logout");

        assertEquals(204, cleared.statusCode(), cleared.body());
        SetCookies.assertBothCleared(cleared, "Path=/; Domain=example.test; HttpOnly; SameSite=Lax");
        assertEquals(loggedOut.headers().allValues("Set-Cookie"), cleared.headers().allValues("Set-Cookie"));
    }
}
