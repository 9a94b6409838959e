package com.authvital.jakarta.it.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.authvital.testing.TestHttp;
import com.authvital.testing.Deployments;
import com.authvital.testing.SetCookies;
import com.authvital.testing.TestServer;
import java.io.IOException;
import java.net.HttpURLConnection;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 303 after a logout follows a 'redirect' parameter only to a path of the application or an allow-listed origin; every other value goes to 'authvital.logout.redirect'. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogoutRedirectIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war("logout-redirect", Map.of(
                "authvital.logout.path", "/logout",
                "authvital.logout.redirect", "/goodbye",
                "authvital.logout.allowed-origins", "https://app.example.com",
                "authvital.cookie.secure", "false"));
    }

    @ArquillianResource
    URL app;

    /** The parameter's value exactly as given: percent-encoded once more for the query. */
    private static String query(String redirect) {
        return "logout?redirect=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
    }

    private String inApplication(String path) {
        return app.getPath().replaceAll("/$", "") + path;
    }

    private static String location(HttpResponse<String> out) {
        assertEquals(303, out.statusCode(), out.body());
        SetCookies.assertBothCleared(out, "Path=/; HttpOnly; SameSite=Lax");
        List<String> locations = out.headers().allValues("Location");
        assertEquals(1, locations.size(), locations.toString());
        return locations.get(0);
    }

    @Test
    void withoutARedirectTheBrowserGoesToTheConfiguredDefault() {
        assertEquals(inApplication("/goodbye"), location(new TestHttp(app).post("logout")));
    }

    @Test
    void aPathOfTheApplicationIsFollowed() {
        assertEquals(inApplication("/signed-out"), location(new TestHttp(app).post(query("/signed-out"))));
    }

    @Test
    void aUrlOnAnAllowListedOriginIsFollowed() {
        assertEquals("https://app.example.com/bye",
                location(new TestHttp(app).post(query("https://app.example.com/bye"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https:evil.example", "javascript:alert(1)",
        "%2F%2Fevil.example", "/%09/evil.example", "/%0d%0aSet-Cookie:x=1", "/\r\nSet-Cookie:x=1", "/\t/evil.example",
        "https://evil.example", "https://app.example.com.evil.example/", "https://app.example.com@evil.example/"})
    void anyOtherRedirectFallsBackToTheConfiguredDefault(String redirect) {
        // location() also proves that no header was injected: exactly the two token cookies are set.
        assertEquals(inApplication("/goodbye"), location(new TestHttp(app).post(query(redirect))));
    }

    /**
     * A query string with a malformed percent-escape, sent as is: java.net.http refuses to build
     * such a URI, so HttpURLConnection (HTTP/1.1, which sends the request target unchecked) does.
     * WildFly's Undertow refuses such a request with 400 before any application sees it (a form
     * never sends one: it escapes '%' itself), so there it is that 400, which sends the browser
     * nowhere and sets no cookie.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/%zz", "/100%", "%"})
    void aMalformedEscapeInTheRedirectQueryFallsBackToTheConfiguredDefault(String redirect) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(app, "logout?redirect=" + redirect).openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod("POST");
        try {
            if (TestServer.wildFly()) {
                assertEquals(400, connection.getResponseCode(), redirect);
                assertNull(connection.getHeaderField("Location"));
                assertNull(connection.getHeaderField("Set-Cookie"));
                return;
            }
            assertEquals(303, connection.getResponseCode(), redirect);
            assertEquals(inApplication("/goodbye"), connection.getHeaderField("Location"));
            assertEquals(2, connection.getHeaderFields().getOrDefault("Set-Cookie", List.of()).size(),
                    String.valueOf(connection.getHeaderFields()));
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aRedirectFormFieldIsFollowedLikeTheQueryParameter() {
        HttpResponse<String> out = new TestHttp(app).send("POST", "logout", "redirect=%2Fsigned-out",
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(inApplication("/signed-out"), location(out));
    }

    @Test
    void aRefusedRedirectFormFieldFallsBackToTheConfiguredDefault() {
        HttpResponse<String> out = new TestHttp(app).send("POST", "logout", "redirect=%2F%2Fevil.example",
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(inApplication("/goodbye"), location(out));
    }
}
