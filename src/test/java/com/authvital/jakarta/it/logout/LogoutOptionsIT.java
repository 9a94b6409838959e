package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With 'authvital.logout.idp-logout' and 'authvital.logout.clear-site-data' on, the browser continues to the IdP's browser logout (/api/auth/logout/redirect) with the absolute post-logout URL and is told to clear its cookies. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutOptionsIT {

    private static final String COOKIE_ATTRIBUTES = "Path=/; HttpOnly; SameSite=Lax";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-options", Map.of(
                "authvital.logout.path", "/logout",
                "authvital.logout.redirect", "/goodbye",
                "authvital.logout.allowed-origins", "https://app.example.com",
                "authvital.logout.idp-logout", "true",
                "authvital.logout.clear-site-data", "true",
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private static String idpLogout(String postLogoutUri) {
        return Deployments.idp().baseUrl() + "/api/auth/logout/redirect?post_logout_redirect_uri="
                + URLEncoder.encode(postLogoutUri, StandardCharsets.UTF_8);
    }

    private String absolute(String path) {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort() + app.getPath().replaceAll("/$", "") + path;
    }

    private static String location(HttpResponse<String> out) {
        assertEquals(303, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, COOKIE_ATTRIBUTES);
        List<String> locations = out.headers().allValues("Location");
        assertEquals(1, locations.size(), locations.toString());
        return locations.get(0);
    }

    @Test
    void theBrowserContinuesToTheIdpsLogoutWhichSendsItBackToTheDefault() {
        NewSession user = idp.newUser();

        String next = location(new TestHttp(app).post("logout", "Cookie", "refresh_token=" + user.refreshToken()));

        assertEquals(idpLogout(absolute("/goodbye")), next);
        assertTrue(idp.isRevoked(user.sessionId()));
        // The stand-in, like the IdP, follows post_logout_redirect_uri back to the application.
        HttpResponse<String> atIdp = new TestHttp(app).get(next);
        assertEquals(302, atIdp.statusCode(), atIdp.body());
        assertEquals(List.of(absolute("/goodbye")), atIdp.headers().allValues("Location"));
    }

    @Test
    void anAllowListedRedirectIsPassedToTheIdpAsItIs() {
        String next = location(new TestHttp(app).post("logout?redirect="
                + URLEncoder.encode("https://app.example.com/bye?x=1&y=2", StandardCharsets.UTF_8)));

        assertEquals(idpLogout("https://app.example.com/bye?x=1&y=2"), next);
    }

    @Test
    void aRefusedRedirectIsReplacedByTheDefaultBeforeTheIdpSeesIt() {
        String next = location(new TestHttp(app).post("logout?redirect=" + URLEncoder.encode("//evil.example",
                StandardCharsets.UTF_8)));

        assertEquals(idpLogout(absolute("/goodbye")), next);
    }

    @Test
    void clearSiteDataIsSentToABrowserAndToAJsonClient() {
        HttpResponse<String> browser = new TestHttp(app).post("logout");
        HttpResponse<String> json = new TestHttp(app).post("logout", "Accept", "application/json");

        assertEquals(List.of("\"cookies\""), browser.headers().allValues("Clear-Site-Data"));
        assertEquals(200, json.statusCode(), json.body());
        assertEquals(List.of("\"cookies\""), json.headers().allValues("Clear-Site-Data"));
        assertEquals(List.of(), json.headers().allValues("Location"), "a JSON client is not redirected");
        SetCookies.assertBothCleared(json, COOKIE_ATTRIBUTES);
    }
}
