package com.authvital.jakarta.it.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.LogoutRegistration;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** AuthVitalLogoutServlet.register(context, path) maps a working logout servlet from a listener, with the init-params set on its registration. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutRegisteredInCodeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-in-code", Map.of("authvital.cookie.secure", "false"), LogoutRegistration.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    @Test
    void aPostToTheRegisteredPathLogsOutAndSendsClearSiteData() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new TestHttp(app).post("out", "Accept", "application/json",
                "Cookie", "refresh_token=" + user.refreshToken());

        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, "Path=/; HttpOnly; SameSite=Lax");
        assertEquals(List.of("\"cookies\""), out.headers().allValues("Clear-Site-Data"), "the init-param set in code");
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aGetToTheRegisteredPathIsRefused() {
        HttpResponse<String> get = new TestHttp(app).get("out");

        assertEquals(405, get.statusCode(), get.body());
        assertEquals(List.of("POST"), get.headers().allValues("Allow"));
    }
}
