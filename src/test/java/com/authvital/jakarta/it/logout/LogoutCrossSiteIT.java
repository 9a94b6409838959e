package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A logout POST from another site (Origin, Sec-Fetch-Site, or Referer when neither is sent) is
 * refused with 403 and changes nothing; the application's own origin and allow-listed ones are
 * obeyed, and so is a client that sends none of the three headers (no browser: it holds no one
 * else's cookies).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutCrossSiteIT {

    private static final String ALLOWED = "https://app.example.com";
    /** Allowed for the whole module ('authvital.allowed-origins'), not in the servlet's own list. */
    private static final String ALLOWED_MODULE_WIDE = "https://shop.example.com";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-cross-site", Map.of(
                "authvital.logout.path", "/logout",
                "authvital.logout.allowed-origins", ALLOWED,
                "authvital.allowed-origins", ALLOWED_MODULE_WIDE,
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    private final StandInClient idp = Deployments.standIn();

    private HttpResponse<String> logout(NewSession user, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "Accept";
        all[1] = "application/json";
        all[2] = "Cookie";
        all[3] = "access_token=" + user.accessToken() + "; refresh_token=" + user.refreshToken();
        System.arraycopy(headers, 0, all, 4, headers.length);
        return new TestHttp(app).post("logout", all);
    }

    private void assertRefused(NewSession user, HttpResponse<String> out, int before) {
        assertEquals(403, out.statusCode(), out.body());
        assertEquals(List.of(), out.headers().allValues("Set-Cookie"), "the browser keeps its cookies");
        assertFalse(idp.isRevoked(user.sessionId()));
        assertEquals(List.of(), idp.requestsAfter(before), "the IdP is not called");
    }

    private void assertObeyed(NewSession user, HttpResponse<String> out) {
        assertEquals(200, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, "Path=/; HttpOnly; SameSite=Lax");
        assertTrue(idp.isRevoked(user.sessionId()));
    }

    private String ownOrigin() {
        return app.getProtocol() + "://" + app.getHost() + ":" + app.getPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "https://app.example.com.evil.example",
        "http://app.example.com", "https://app.example.com:8443"})
    void anOriginThatIsNeitherOwnNorAllowedIsRefused(String origin) {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, logout(user, "Origin", origin), before);
    }

    @Test
    void aCrossSiteFetchWithoutOriginIsRefused() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, logout(user, "Sec-Fetch-Site", "cross-site"), before);
    }

    @Test
    void aSameSiteFetchFromASiblingHostIsRefused() {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, logout(user, "Sec-Fetch-Site", "same-site"), before);
    }

    @Test
    void theApplicationsOwnOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin"));
    }

    @Test
    void anAllowListedOriginIsObeyedThoughTheBrowserSaysCrossSite() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Origin", ALLOWED, "Sec-Fetch-Site", "cross-site"));
    }

    @Test
    void aClientThatSendsNeitherOriginNorSecFetchSiteNorRefererIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "https://evil.example/page?next=/logout",
        "https://app.example.com.evil.example/", "not a url", "about:blank"})
    void withoutOriginAndSecFetchSiteAForeignRefererIsRefused(String referer) {
        NewSession user = idp.newUser();
        int before = idp.requests().size();

        assertRefused(user, logout(user, "Referer", referer), before);
    }

    @Test
    void withoutOriginAndSecFetchSiteARefererOnTheOwnOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Referer", ownOrigin() + "/devices?tab=1"));
    }

    @Test
    void withoutOriginAndSecFetchSiteARefererOnAnAllowedOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Referer", ALLOWED + "/account"));
    }

    @Test
    void anOriginIsJudgedAndTheRefererBesideItIsNot() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Origin", ownOrigin(), "Referer", "https://evil.example/"));
    }

    @Test
    void aSameOriginFetchWithoutOriginIsObeyed() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Sec-Fetch-Site", "same-origin"));
    }

    @Test
    void anOriginAllowedForTheWholeModuleIsObeyedToo() {
        NewSession user = idp.newUser();

        assertObeyed(user, logout(user, "Origin", ALLOWED_MODULE_WIDE, "Sec-Fetch-Site", "cross-site"));
    }
}
