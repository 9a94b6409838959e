package com.authvital.jakarta.it.sessions;

import static com.authvital.testing.TestHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.app.LogoutAllServlet;
import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
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

/**
 * Without the filter, the sessions service itself refuses a cross-site POST that authenticates
 * with the cookie (AccessDeniedException, 403) before any call to the IdP; the application's own
 * origin, an allowed one and a Bearer header from anywhere are served.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsCrossSiteIT {

    private static final String ALLOWED = "https://app.example.com";
    private static final String EVIL = "https://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // No filter: the servlet hands its request straight to the service.
        return Deployments.war("sessions-cross-site", Map.of("authvital.allowed-origins", ALLOWED),
                LogoutAllServlet.class);
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> post(String name, String value, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = "application/json";
        all[2] = name;
        all[3] = value;
        System.arraycopy(headers, 0, all, 4, headers.length);
        return new TestHttp(app).send("POST", "api/logout-all", null, all);
    }

    private String ownOrigin() {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort();
    }

    private void assertRefusedBeforeTheIdp(NewSession user, HttpResponse<String> out, int before) {
        assertEquals(403, out.statusCode(), out.body());
        assertTrue(json(out).getString("message").startsWith("AV1006E: "), out.body());
        assertEquals(List.of(), idp.requestsAfter(before), "the IdP is not called");
        assertFalse(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aCookiePostFromAnotherOriginIsAccessDeniedBeforeTheIdpIsCalled() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefusedBeforeTheIdp(user, post("Cookie", "access_token=" + user.accessToken(), "Origin", EVIL), before);
    }

    @Test
    void aCookiePostTheBrowserCallsCrossSiteIsAccessDeniedBeforeTheIdpIsCalled() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefusedBeforeTheIdp(user, post("Cookie", "access_token=" + user.accessToken(),
                "Sec-Fetch-Site", "same-site"), before);
    }

    @Test
    void aCookiePostFromTheApplicationsOwnOriginIsServed() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = post("Cookie", "access_token=" + user.accessToken(),
                "Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin");

        assertEquals(200, out.statusCode(), out.body());
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aCookiePostFromAnAllowedOriginIsServed() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = post("Cookie", "access_token=" + user.accessToken(), "Origin", ALLOWED);

        assertEquals(200, out.statusCode(), out.body());
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aBearerPostFromAnyOriginIsServed() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = post("Authorization", "Bearer " + user.accessToken(), "Origin", EVIL);

        assertEquals(200, out.statusCode(), out.body());
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    @Test
    void aCookieGetFromAnotherOriginIsServedSinceItChangesNothing() {
        NewSession user = idp.newUser();

        HttpResponse<String> out = new TestHttp(app).get("api/logout-all", "Accept", "application/json",
                "Cookie", "access_token=" + user.accessToken(), "Origin", EVIL, "Sec-Fetch-Site", "cross-site");

        assertEquals(200, out.statusCode(), out.body());
        assertEquals(1, json(out).getInt("count"), out.body());
    }
}
